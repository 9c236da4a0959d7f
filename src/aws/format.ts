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

/** A timestamp for people: `2025-03-04 05:06 UTC` from an ISO 8601 string; the input unchanged when it is not one. */
export function formatTimestamp(iso: string | undefined): string {
  if (iso === undefined) {
    return '-';
  }
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?Z$/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
