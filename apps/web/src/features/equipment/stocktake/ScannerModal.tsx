import { Alert, Box, Button, Center, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CameraProblem, cameraProblem, cameraUnavailable, makeFrameReader } from './qr-detector.ts';

/** A scan is tried about five times a second: quick enough to feel instant, light on a phone's battery. */
const SCAN_INTERVAL_MS = 200;

/**
 * Opens the back camera and reads QR codes until one is found, then closes. Without a camera (or without
 * permission) it says why, and the search box next to the button remains the way to find an item.
 */
export function ScannerModal({ onScan, onClose }: { onScan: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  // The camera runs once per opening; the latest callback is read when a code is found.
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  });
  const [problem, setProblem] = useState<CameraProblem | null>(() => cameraUnavailable());
  const [starting, setStarting] = useState(true);

  useEffect(() => {
    if (cameraUnavailable()) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    const stop = () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    const run = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' } },
          audio: false,
        });
      } catch (error) {
        if (!stopped) setProblem(cameraProblem(error));
        return;
      }
      const video = videoRef.current;
      if (stopped || !video) return stop();
      video.srcObject = stream;
      try {
        await video.play();
      } catch (error) {
        if (!stopped) setProblem(cameraProblem(error));
        return stop();
      }
      const read = await makeFrameReader();
      if (stopped) return;
      setStarting(false);
      const tick = async () => {
        if (stopped) return;
        const text = await read(video).catch(() => null);
        if (stopped) return;
        if (text) {
          stop();
          onScanRef.current(text);
          return;
        }
        timer = window.setTimeout(tick, SCAN_INTERVAL_MS);
      };
      void tick();
    };
    void run();
    return stop;
  }, []);

  return (
    <Modal opened onClose={onClose} title={t('equipment.scanner.title')} size="lg" fullScreen={false}>
      {problem ? (
        <Stack>
          <Alert color="orange" role="alert" data-testid="camera-problem">
            {t(`equipment.scanner.${problem}`)}
          </Alert>
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Stack>
      ) : (
        <Stack>
          <Box pos="relative" bg="dark" style={{ borderRadius: 8, overflow: 'hidden', aspectRatio: '4 / 3' }}>
            <video
              ref={videoRef}
              muted
              playsInline
              style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
            />
            {/* A frame to aim with; the whole picture is read, not only the inside of the frame. */}
            <Box
              pos="absolute"
              style={{
                inset: '20%',
                border: '3px solid rgba(255,255,255,0.85)',
                borderRadius: 12,
                pointerEvents: 'none',
              }}
            />
            {starting && (
              <Center pos="absolute" style={{ inset: 0 }}>
                <Stack align="center" gap="xs">
                  <Loader color="white" />
                  <Text c="white" size="sm">
                    {t('equipment.scanner.starting')}
                  </Text>
                </Stack>
              </Center>
            )}
          </Box>
          <Text size="sm" c="dimmed" ta="center">
            {t('equipment.scanner.hint')}
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
