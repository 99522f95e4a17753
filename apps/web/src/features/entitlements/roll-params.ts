import { useSearchParams } from 'react-router';
import { currentMonth } from '../../lib/format.ts';
import {
  pageSizeParam,
  positiveInt,
  toSearchParams,
  uuidParam,
  yearMonthParam,
} from '../../lib/url-params.ts';

/** The roll shown: kept in the URL so a month's roll can be linked, reloaded and returned to. */
export interface RollState {
  month: string;
  facilityId: string | null;
  page: number;
  pageSize: number;
}

const defaultPageSize = 50;

export function useRollState() {
  const [params, setParams] = useSearchParams();
  const state: RollState = {
    month: yearMonthParam(params.get('month')) ?? currentMonth(),
    facilityId: uuidParam(params.get('facilityId')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSizeParam(params.get('size'), defaultPageSize),
  };
  /** Another month or facility is another roll, so it starts again at page 1. */
  const update = (changes: Partial<RollState>) => {
    const next = { ...state, page: 1, ...changes };
    setParams(
      toSearchParams([
        ['month', next.month === currentMonth() ? null : next.month],
        ['facilityId', next.facilityId],
        ['page', next.page === 1 ? null : next.page],
        ['size', next.pageSize === defaultPageSize ? null : next.pageSize],
      ]),
    );
  };
  return [state, update] as const;
}
