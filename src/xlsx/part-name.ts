/**
 * A relationship's target as OPC resolves it against its source part: relative to the source's folder,
 * `..` allowed, "/…" from the package root. The reader and the annotated-copy writer resolve alike.
 */
export function resolvePart(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}
