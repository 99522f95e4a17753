import { create } from 'qrcode';
import { useMemo } from 'react';

const QUIET_ZONE = 2;

/** One SVG path for the dark modules: a 1×1 square per module, drawn row by row. */
function qrPath(value: string): { path: string; size: number } {
  const { modules } = create(value, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return { path, size: modules.size + 2 * QUIET_ZONE };
}

/**
 * The asset code as a QR code, drawn in the browser as vector graphics so it prints sharp at any size.
 * The code holds only the asset code, which is what the stock-take scanner looks up.
 */
export function QrCode({ value, size }: { value: string; size: number | string }) {
  const { path, size: modules } = useMemo(() => qrPath(value), [value]);
  return (
    <svg
      role="img"
      aria-label={value}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
      style={{ display: 'block' }}
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
