/** The ruleset in force, kept in the workbook's settings, against office-addin-mock. */
import { OfficeMockObject } from "office-addin-mock";
import { applyRuleset, LIVE_KEY, loadRulesetSetting, setLive } from "../src/hosts/excel/settings";
import { rulesetInForceId, setRulesetInForce, SETTING_KEY } from "../src/functions/ruleset-in-force";
import * as KH from "../src/functions/functions";

const g = globalThis as unknown as Record<string, unknown>;

function install(stored: Record<string, unknown>, saveFails = false) {
  const log: string[] = [];
  // Office.context is a plain object in real Office (no load/sync); only Excel's object model is proxied.
  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      document: {
        settings: {
          get: (k: string) => stored[k] ?? null,
          set: (k: string, v: unknown) => {
            log.push(`set ${k}=${String(v)}`);
            stored[k] = v;
          },
          saveAsync: (cb: (r: { status: string; error?: Error }) => void) => {
            log.push("saveAsync");
            cb(saveFails ? { status: "failed", error: new Error("只读工作簿") } : { status: "succeeded" });
          },
        },
      },
    },
  };
  const excel = new OfficeMockObject({
    workbook: { application: { calculate: (t: string) => log.push(`calculate ${t}`) } },
  });
  g.Office = office;
  g.Excel = {
    CalculationType: { full: "Full" },
    run: async (cb: (ctx: unknown) => Promise<unknown>) => {
      const ctx = excel as unknown as { sync: () => Promise<void> };
      const sync = ctx.sync.bind(ctx);
      ctx.sync = async () => {
        log.push("sync");
        await sync();
      };
      return cb(ctx);
    },
  };
  return log;
}

afterEach(() => {
  setRulesetInForce("jinan-2022");
  delete g.Office;
  delete g.Excel;
});

describe("ruleset setting", () => {
  it("reads the workbook's ruleset into the runtime on start, so KH functions use it", () => {
    install({ [SETTING_KEY]: "public-institution-2023" });
    expect(loadRulesetSetting()).toBe("public-institution-2023");
    expect(rulesetInForceId()).toBe("public-institution-2023");
    expect(KH.grade("基本合格")).toBe("基本合格");
  });

  it("keeps the default for a missing or unknown ruleset rather than guessing", () => {
    install({});
    expect(loadRulesetSetting()).toBeNull();
    install({ [SETTING_KEY]: "atlantis-2099" });
    expect(loadRulesetSetting()).toBeNull();
    expect(rulesetInForceId()).toBe("jinan-2022");
  });

  it("saves a new choice in the document and recalculates, in that order", async () => {
    const stored: Record<string, unknown> = {};
    const log = install(stored);
    await applyRuleset("civil-servant-2020+gansu-2024");
    expect(stored[SETTING_KEY]).toBe("civil-servant-2020+gansu-2024");
    expect(log).toEqual([`set ${SETTING_KEY}=civil-servant-2020+gansu-2024`, "saveAsync", "calculate Full", "sync"]);
    expect(KH.rulesetInfo()).toMatch(/^civil-servant-2020\+gansu-2024 /);
  });

  it("changes nothing in force when the workbook cannot save, and says why", async () => {
    const log = install({}, true);
    await expect(applyRuleset("civil-servant-2020")).rejects.toThrow("只读工作簿");
    expect(rulesetInForceId()).toBe("jinan-2022");
    expect(log).not.toContain("calculate Full");
    await expect(applyRuleset("atlantis-2099")).rejects.toThrow(/未知的规则集/);
  });
});

describe("边填边查 resumes when the workbook opens only if the add-in starts with it", () => {
  /** Office with document settings and, where the shared runtime is there, Office.addin. */
  function office(sharedRuntime: boolean) {
    const stored: Record<string, unknown> = {};
    const log = install(stored);
    const o = g.Office as Record<string, unknown> & { context: Record<string, unknown> };
    o.StartupBehavior = { none: "None", load: "Load" };
    o.context.requirements = { isSetSupported: (set: string) => sharedRuntime && set === "SharedRuntime" };
    if (sharedRuntime) o.addin = { setStartupBehavior: async (b: string) => void log.push(`startup ${b}`) };
    return { stored, log };
  }

  it("asks Office to load the add-in with this workbook when 边填边查 is switched on, and not when off", async () => {
    const { stored, log } = office(true);
    await setLive(true);
    expect(stored[LIVE_KEY]).toBe(true);
    expect(log).toContain("startup Load");
    await setLive(false);
    expect(log.at(-1)).toBe("startup None");
  });

  it("still saves the switch where there is no shared runtime to start", async () => {
    const { stored, log } = office(false);
    await setLive(true);
    expect(stored[LIVE_KEY]).toBe(true);
    expect(log.filter((l) => l.startsWith("startup"))).toEqual([]);
  });
});
