import { Box, LoadingOverlay } from '@mantine/core';
import type { ReactNode } from 'react';

/** Keeps the previous rows on screen, dimmed, while the next page, sort or filter loads. */
export function Busy({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <Box pos="relative" aria-busy={busy}>
      <LoadingOverlay visible={busy} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
      {children}
    </Box>
  );
}
