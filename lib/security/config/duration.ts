const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Parses "90", "90s", "30m", "12h", "2d" into seconds; returns null when malformed. */
export function parseDuration(value: string): number | null {
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(value);
  if (!match) return null;
  const [, amount, unit] = match;
  return Number(amount) * (UNITS[(unit || "s").toLowerCase()] ?? 1);
}

/** "2 days", "1 hour and 30 minutes" — Flask-Security's humanized `within`. */
export function humanizeDuration(seconds: number): string {
  const parts: string[] = [];
  const units: [string, number][] = [
    ["day", 86_400],
    ["hour", 3600],
    ["minute", 60],
    ["second", 1],
  ];
  let rest = Math.max(0, Math.round(seconds));
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? "" : "s"}`);
    if (parts.length === 2) break;
  }
  if (parts.length === 0) return "0 seconds";
  return parts.join(" and ");
}
