import { parseGrade, UNGRADED, type ScaleId } from "../src/engine";

describe("grade normalization (rules.md §1)", () => {
  const table: [string, ScaleId, number][] = [
    ["优秀", "cadre", 0],
    [" 优秀 ", "cadre", 0],
    ["优　秀", "cadre", 0],
    ["优秀等次", "cadre", 0],
    ["优秀等", "cadre", 0],
    ["excellent", "cadre", 0],
    ["ＥＸＣＥＬＬＥＮＴ", "cadre", 0],
    ["Competent", "cadre", 1],
    ["称职", "cadre", 1],
    ["基本称职", "cadre", 2],
    ["BASIC", "cadre", 2],
    ["不称职", "cadre", 3],
    ["incompetent", "cadre", 3],
    ["良好", "team", 1],
    ["一般", "team", 2],
    ["较差", "team", 3],
    ["fair", "team", 2],
    ["POOR", "team", 3],
    ["合格", "institution", 1],
    ["基本合格", "institution", 2],
    ["不合格", "institution", 3],
    ["unqualified", "institution", 3],
    ["好", "political", 0],
    ["较好", "political", 1],
    ["fairly_good", "political", 1],
    ["一般", "political", 2],
    ["不定等次", "cadre", UNGRADED],
    ["只写评语不定等次", "cadre", UNGRADED],
    ["不确定等次", "cadre", UNGRADED],
    ["ungraded", "team", UNGRADED],
  ];
  it.each(table)("%s on the %s scale is rank %s", (text, scale, rank) => {
    expect(parseGrade(text, scale)).toEqual({ ok: true, grade: rank });
  });

  const refused: [string, ScaleId][] = [
    ["优良", "cadre"],
    ["合格", "cadre"],
    ["称职", "team"],
    ["良好", "cadre"],
    ["好", "cadre"],
    ["不定等次", "political"],
    ["优", "cadre"],
    ["", "cadre"],
    ["excellent!", "cadre"],
    ["等次", "cadre"],
  ];
  it.each(refused)("%s on the %s scale is refused with the text quoted back, never guessed", (text, scale) => {
    expect(parseGrade(text, scale)).toEqual({ ok: false, text });
  });
});
