/** The unit's language, for the notes it gets back: English where its sheets' headers are English. */
import { cellText, type Model } from "../../engine";

const CJK = /[\u3400-\u9fff]/;

export function unitLanguage(model: Model): "zh" | "en" {
  const headers = [model.cadreSheet, model.teamSheet].flatMap((s) =>
    s
      ? Object.values(s.cols as Record<string, number | undefined>).map((c) =>
          c === undefined ? "" : cellText(s.headers[c]),
        )
      : [],
  );
  const read = headers.filter(Boolean);
  const english = read.filter((h) => !CJK.test(h)).length;
  return read.length > 0 && english * 2 > read.length ? "en" : "zh";
}
