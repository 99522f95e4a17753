import { useState } from 'react';

/**
 * Paging of a list the page already holds (one facility's rooms, the residents behind a figure): the
 * server sends it whole because it is small enough, but a screen of it is easier to work through.
 */
export function useClientPage<T>(rows: readonly T[], initialPageSize = 10) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  // A search that leaves fewer pages keeps the reader on the last one rather than on an empty page.
  const current = Math.min(page, pages);
  return {
    rows: rows.slice((current - 1) * pageSize, current * pageSize),
    pager: {
      page: current,
      pageSize,
      total: rows.length,
      onPageChange: setPage,
      onPageSizeChange: (size: number) => {
        setPageSize(size);
        setPage(1);
      },
    },
  };
}
