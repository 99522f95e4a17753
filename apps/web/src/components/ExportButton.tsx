import type { ExcelFile } from '@ansinh/schemas/common';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadBase64, XLSX_MIME } from '../lib/download.ts';
import { describeError } from '../lib/errors.ts';

/** Fetches a spreadsheet the server builds (every page of what is shown) and saves it. */
export function ExportButton({ download, label }: { download: () => Promise<ExcelFile>; label?: string }) {
  const { t } = useTranslation();
  const exportFile = useMutation({
    mutationFn: download,
    onSuccess: (file) => downloadBase64(file.filename, file.base64, XLSX_MIME),
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t).message }),
  });
  return (
    <Button variant="default" loading={exportFile.isPending} onClick={() => exportFile.mutate()}>
      {label ?? t('common.exportExcel')}
    </Button>
  );
}
