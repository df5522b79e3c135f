import {
  checkWorkbook,
  BUILTIN,
  carriedRuleset,
  DEFAULT_PARAMS,
  fingerprintOf,
  readRulesSheet,
  resolveRuleset,
  rulesetFromJson,
  RulesetError,
  RULE_BY_ID,
  rulesSheet,
  rulesSheetRows,
} from "../src/engine";

describe("rulesets as data (rules.md §10)", () => {
  it("builds in the catalog's rulesets with the rules it lists", () => {
    const ids = BUILTIN.map((b) => b.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "jinan-2022",
        "civil-servant-2020",
        "public-institution-2023",
        "gansu-2024",
        "zhejiang-township-2018",
      ]),
    );
    const on = (id: string) => Object.keys(resolveRuleset(id).rules);
    expect(on("jinan-2022")).toEqual(
      expect.arrayContaining(["Q01", "L01", "L02", "L03", "L04", "L05", "L06", "H01", "H02", "H03", "D01", "D08"]),
    );
    expect(on("jinan-2022")).not.toContain("Q02");
    expect(on("civil-servant-2020")).toEqual(expect.arrayContaining(["Q02", "E05", "E06", "E07", "E08", "H04"]));
    expect(on("public-institution-2023")).toEqual(expect.arrayContaining(["Q03", "E06", "E07"]));
    expect(resolveRuleset("public-institution-2023").scale).toBe("institution");
  });

  it("keeps the catalog's figures as parameters", () => {
    const j = resolveRuleset("jinan-2022");
    expect(j.params.teamShares).toEqual([30, 20, 10, 0]);
    expect(j.paramNotes["teamShares.1"].local).toBe(true); // 良好: the source is silent
    expect(resolveRuleset("civil-servant-2020").params.bodyShare).toEqual({ general: 20, max: 25 });
    expect(resolveRuleset("public-institution-2023").params.institutionShares).toEqual({
      general: 20,
      raised: 25,
      lowered: 15,
    });
    expect(DEFAULT_PARAMS.quota).toEqual({
      rounding: "floor",
      minimum: 0,
      excludeUngraded: true,
      principalCounts: true,
    });
  });

  it("stacks overlays on a base, and an overlay alone on its default base", () => {
    const g = resolveRuleset("jinan-2022+gansu-2024");
    expect(g.id).toBe("jinan-2022+gansu-2024");
    expect(Object.keys(g.rules)).toEqual(expect.arrayContaining(["Q01", "E01", "E02", "E03", "S01", "S02"]));
    expect(resolveRuleset("gansu-2024").parts).toEqual(["civil-servant-2020", "gansu-2024"]);
    expect(() => resolveRuleset("gansu-2024+jinan-2022")).toThrow(RulesetError);
    expect(() => resolveRuleset("nowhere-2030")).toThrow(/未知的规则集/);
  });

  it("turns on only rules the catalog knows", () => {
    for (const b of BUILTIN)
      for (const id of Object.keys(resolveRuleset(b.id).rules)) {
        if (!/^R\d\d$/.test(id)) expect(RULE_BY_ID.has(id)).toBe(true);
      }
  });

  it("changes the fingerprint when any parameter or rule changes, and only then", () => {
    const j = resolveRuleset("jinan-2022");
    expect(j.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf({ ...j })).toBe(j.fingerprint);
    const changed = [
      { ...j, params: { ...j.params, teamShares: [30, 20, 10, 1] as [number, number, number, number] } },
      { ...j, params: { ...j.params, quota: { ...j.params.quota, rounding: "ceil" as const } } },
      { ...j, params: { ...j.params, sanctions: j.params.sanctions.slice(1) } },
      { ...j, rules: { ...j.rules, E01: {} } },
      { ...j, rules: { ...j.rules, L01: { severity: "error" as const } } },
    ];
    const prints = new Set(changed.map(fingerprintOf));
    expect(prints.size).toBe(changed.length);
    expect(prints.has(j.fingerprint)).toBe(false);
    // Key order does not matter: the canonical form sorts keys.
    const reordered = { ...j, params: Object.fromEntries(Object.entries(j.params).reverse()) as typeof j.params };
    expect(fingerprintOf(reordered)).toBe(j.fingerprint);
  });

  it("reads a locality's ruleset from JSON, extending a built-in one", () => {
    const r = rulesetFromJson({
      id: "licheng-2025",
      title: "历城区 2025",
      extends: "jinan-2022",
      params: { teamShares: [30, 15, 10, 0], quota: { minimum: 1 } },
      rules: { L01: { severity: "error" } },
    });
    expect(r.params.teamShares).toEqual([30, 15, 10, 0]);
    expect(r.params.quota).toEqual({ rounding: "floor", minimum: 1, excludeUngraded: true, principalCounts: true });
    expect(r.rules.L01).toEqual({ severity: "error" });
    expect(r.rules.Q01).toBeDefined();
    expect(r.fingerprint).not.toBe(resolveRuleset("jinan-2022").fingerprint);
    expect(() => rulesetFromJson({ extends: "jinan-2022" })).toThrow(/id/);
    expect(() => rulesetFromJson({ id: "x", rules: { L01: true } })).toThrow(/L01/);
    const fewer = rulesetFromJson({ id: "no-l01", extends: "jinan-2022", rules: { L01: false, L05: null } });
    expect(fewer.rules.L01).toBeUndefined();
    expect(fewer.rules.L05).toBeUndefined();
    expect(fewer.rules.L02).toBeDefined();
  });
});

describe("the 规则 sheet round trip", () => {
  const ids = [
    ...BUILTIN.filter((b) => b.kind === "base").map((b) => b.id),
    "jinan-2022+gansu-2024",
    "civil-servant-2020+zhejiang-township-2018",
  ];
  it.each(ids)("%s reads back to its own fingerprint and is used as is", (id) => {
    const rs = resolveRuleset(id);
    const carried = readRulesSheet({ name: "规则", values: rulesSheetRows(rs, 2025) })!;
    expect(carried.stated).toBe(rs.fingerprint);
    expect(carried.computed).toBe(rs.fingerprint);
    expect(carried.changed).toEqual([]);
    expect(carriedRuleset(carried)!.id).toBe(rs.id);
    expect(carriedRuleset(carried)!.fingerprint).toBe(rs.fingerprint);
  });

  it("reads a 规则 sheet of the earlier layout (key in column A) as before", () => {
    const rs = resolveRuleset("jinan-2022+gansu-2024");
    const rows = rulesSheetRows(rs, 2025);
    const head = rows.findIndex((x) => x[0] === "参数");
    const old = rows.map((x, i) =>
      i === head ? ["参数", "取值", "依据"] : i > head && x[3] !== undefined && x.length === 4 ? [x[3], x[1], x[2]] : x,
    );
    const carried = readRulesSheet({ name: "规则", values: old })!;
    expect(carried.computed).toBe(rs.fingerprint);
    expect(carried.stated).toBe(rs.fingerprint);
  });

  it("names every parameter in Chinese, shows shares as percentages, and names the scale in Chinese", () => {
    const layout = rulesSheet(resolveRuleset("jinan-2022"), 2025);
    const row = (key: string) => layout.rows.find((x) => x[3] === key)!;
    expect(row("teamShares.0").slice(0, 2)).toEqual(["班子为优秀等次时，干部优秀比例上限", 30]);
    expect(layout.formats[layout.cellOf("teamShares.0").replace(/\$/g, "")]).toBe('0"%"');
    expect(
      layout.rows
        .filter((x) => x.length === 4 && typeof x[3] === "string" && /^[a-z]/.test(x[3] as string))
        .every((x) => /[\u4e00-\u9fff]/.test(String(x[0]))),
    ).toBe(true);
    expect(layout.rows.find((x) => x[0] === "等次体系")![1]).toMatch(/^干部\/公务员：优秀、称职/);
    expect(row("bodyShare.general")[2]).toMatch(/公务员/); // a share from another rule cites that rule, not 济南
  });

  it("any changed figure breaks the fingerprint, and the changed cell is named", () => {
    const rs = resolveRuleset("jinan-2022");
    const rows = rulesSheetRows(rs, 2025);
    const r = rows.findIndex((x) => x[3] === "regularScoreMin");
    rows[r] = [rows[r][0], 80, rows[r][2], rows[r][3]];
    const carried = readRulesSheet({ name: "规则", values: rows })!;
    expect(carried.computed).not.toBe(carried.stated);
    expect(carried.changed).toEqual([
      { path: "regularScoreMin", found: 80, builtin: rs.params.regularScoreMin, cell: `B${r + 1}` },
    ]);
    expect(carriedRuleset(carried)).toBeNull();
  });
});

describe("what the built-in rulesets turn on (rules.md §10 and §11)", () => {
  const on = (id: string) => Object.keys(resolveRuleset(id).rules);
  const D = ["D01", "D02", "D03", "D04", "D05", "D06", "D07", "D08", "D09"];
  it.each([
    [
      "jinan-2022",
      [
        ...D,
        "Q01",
        "L01",
        "L02",
        "L03",
        "L04",
        "L05",
        "L06",
        "H01",
        "H02",
        "H03",
        "R01",
        "R02",
        "R03",
        "R04",
        "R05",
        "R06",
        "R07",
        "E08",
        "R08",
      ],
    ],
    [
      "civil-servant-2020",
      [...D, "Q02", "E05", "E06", "E07", "E08", "H01", "H02", "H03", "H04", "R01", "R02", "R03", "R04", "R08"],
    ],
    ["public-institution-2023", [...D, "Q03", "E06", "E07", "R08"]],
    ["jinan-2022+gansu-2024", ["E01", "E02", "E03", "S01", "S02"]],
    ["civil-servant-2020+zhejiang-township-2018", ["Q04"]],
    ["jinan-2022+altay-2017", ["E04", "S03", "Q01", "L02"]],
  ])("%s turns on what the catalog says", (id, rules) => {
    expect(on(id)).toEqual(expect.arrayContaining(rules as string[]));
  });

  it("the Altay overlay stands on jinan-2022 and cites its source; it sets no evaluator weights the source does not give", () => {
    const altay = resolveRuleset("altay-2017");
    expect(altay.parts).toEqual(["jinan-2022", "altay-2017"]);
    expect(altay.rules.E04.source).toContain("20%");
    expect(altay.params.weights.evaluators).toEqual({});
    expect(altay.paramNotes["weights.evaluators"].local).toBe(true);
  });

  it("cites the Jinan measures' 容错 clause for E08", () => {
    expect(resolveRuleset("jinan-2022").rules.E08.source).toContain("容错");
  });
});

describe("S04's county parameter set (Gansu, 002)", () => {
  it("gansu-2024 carries the counties' 60% with its source, checks a locality's figure against it, and is silent until one is set", () => {
    const gansu = resolveRuleset("jinan-2022+gansu-2024");
    expect(gansu.params.weights.countyFocus).toEqual({ share: 60, value: null });
    expect(gansu.paramNotes["weights.countyFocus.share"].source).toContain("60%");
    const sheet = {
      sheets: [
        {
          name: "干部",
          values: [
            ["单位", "姓名", "是否正职", "本年等次"],
            ["甲局", "张一", "是", "称职"],
          ],
        },
      ],
    };
    const s04 = (rs: typeof gansu) => checkWorkbook(sheet, rs).findings.filter((f) => f.rule === "S04");
    expect(s04(gansu)).toEqual([]);
    const set = (value: number) =>
      rulesetFromJson({
        id: `gansu-${value}`,
        extends: "jinan-2022+gansu-2024",
        params: { weights: { countyFocus: { value } } },
      });
    expect(s04(set(60))).toEqual([]);
    expect(s04(set(50)).map((f) => f.message)).toEqual(["县区乡村振兴实绩和强县域行动两项指标权重为 50%，应为 60%"]);
  });
});
