import type { ImportProblem } from '@ansinh/schemas/import';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC, useTRPCClient } from '../../../api/trpc.ts';

/** Validation runs in slices so progress shows and a 5,000-row file never blocks the page. */
const SLICE = 500;
/** The API accepts about 7 MB of base64, i.e. a 5 MB file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading' | 'uploading' }
  | { phase: 'validating'; batchId: string; total: number; done: number; problems: ImportProblem[] }
  | { phase: 'checked'; batchId: string; total: number; problems: ImportProblem[] }
  | { phase: 'committing'; batchId: string; total: number; problems: ImportProblem[] }
  | { phase: 'imported'; imported: number }
  | { phase: 'failed'; error: unknown };

/** The file's bytes as base64 for the API; the spreadsheet itself is read by the server, not here. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function useResidentImport() {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  // Leaving the page stops the slice loop instead of validating a file nobody is looking at.
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const check = async (facilityId: string, file: File) => {
    try {
      setState({ phase: 'reading' });
      const fileBase64 = await readAsBase64(file);
      setState({ phase: 'uploading' });
      const { batchId, totalRows: total } = await client.residentImport.upload.mutate({
        facilityId,
        fileBase64,
      });
      const problems: ImportProblem[] = [];
      let done = 0;
      for (let fromRow = 0; fromRow < total && done < total && alive.current; fromRow += SLICE) {
        setState({ phase: 'validating', batchId, total, done, problems: [...problems] });
        const slice = await client.residentImport.validate.mutate({ batchId, fromRow, count: SLICE });
        problems.push(...slice.problems);
        done = slice.validatedRows;
      }
      if (alive.current) setState({ phase: 'checked', batchId, total, problems });
    } catch (error) {
      if (alive.current) setState({ phase: 'failed', error });
    }
  };

  const commit = async () => {
    if (state.phase !== 'checked') return;
    setState({ ...state, phase: 'committing' });
    try {
      const { imported } = await client.residentImport.commit.mutate({ batchId: state.batchId });
      await queryClient.invalidateQueries({ queryKey: trpc.residents.list.pathKey() });
      setState({ phase: 'imported', imported });
    } catch (error) {
      setState({ phase: 'failed', error });
    }
  };

  return { state, check, commit, reset: () => setState({ phase: 'idle' }) };
}
