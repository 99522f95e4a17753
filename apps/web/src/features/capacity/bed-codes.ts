import type { BedView, FacilityBeds } from '@ansinh/schemas/capacity';

/** At most this many codes in one request (bedsCreateInput). */
export const MAX_NEW_BEDS = 100;

/** "G01–G06", "G01-G06", "G1..G6": the same prefix on both sides (\1), so "P1-01" stays one code. */
const RANGE = /^(.*?)(\d+)\s*(?:[-–—]|\.\.)\s*\1(\d+)$/;

/**
 * What a person typed in the "bed codes" box → the codes to create, in order. Codes are separated by
 * commas, semicolons or new lines (a code may contain a space: "Giường 1"); a range with the same prefix
 * on both sides expands, keeping the width of the first number ("G01–G10" → G01 … G10).
 */
export function expandBedCodes(input: string): string[] {
  const codes: string[] = [];
  for (const raw of input.split(/[,;\n]+/)) {
    const part = raw.trim().replace(/\s+/g, ' ');
    if (!part) continue;
    const range = RANGE.exec(part);
    const from = range ? Number(range[2]) : Number.NaN;
    const to = range ? Number(range[3]) : Number.NaN;
    // A backwards or absurdly long range is kept as typed; the checks on the codes then speak up.
    if (range && to >= from && to - from < MAX_NEW_BEDS * 2) {
      const width = range[2]?.length ?? 1;
      for (let n = from; n <= to; n++) codes.push(`${range[1]}${String(n).padStart(width, '0')}`);
    } else {
      codes.push(part);
    }
  }
  return codes;
}

/** The first code that appears twice, if any. */
export function firstDuplicate(codes: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) return code;
    seen.add(code);
  }
  return undefined;
}

export type BedState = 'occupied' | 'free' | 'reserved' | 'out_of_service';
export const bedStates: readonly BedState[] = ['free', 'occupied', 'reserved', 'out_of_service'];

/** What a bed is for people on the day: someone sleeps in it, or it is free, held, or out of service. */
export function bedState(bed: BedView): BedState {
  if (bed.occupant) return 'occupied';
  if (bed.status === 'out_of_service') return 'out_of_service';
  if (bed.status === 'reserved' || bed.offeredTo) return 'reserved';
  return 'free';
}

export interface BedWithRoom {
  bed: BedView;
  roomId: string;
  roomName: string;
}

export function allBeds(data: FacilityBeds): BedWithRoom[] {
  return data.rooms.flatMap((room) =>
    room.beds.map((bed) => ({ bed, roomId: room.id, roomName: room.name })),
  );
}

export function findBed(data: FacilityBeds, bedId: string): BedWithRoom | undefined {
  return allBeds(data).find((b) => b.bed.id === bedId);
}

/** Beds a resident can be put in now: in service, nobody in it, not held for an offer. */
export function freeBeds(data: FacilityBeds): BedWithRoom[] {
  return allBeds(data).filter((b) => bedState(b.bed) === 'free');
}
