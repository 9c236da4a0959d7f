/** A duration for people: `45s`, `2m05s`, `1h02m05s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) {
    return `${h}h${pad(m)}m${pad(s)}s`;
  }
  return m > 0 ? `${m}m${pad(s)}s` : `${s}s`;
}
