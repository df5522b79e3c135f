/**
 * The JSON Schema of a ruleset file (`--ruleset file.json`, or a file picked in the browser app): every
 * field's type and range, known rule IDs, a known ruleset to extend. Data only: validate.generated.ts is
 * compiled from it (npm run codegen), so no page ever compiles a schema at run time (the app's CSP allows no eval).
 */
import { MEASURES, RULES } from "../engine";

const percent = { type: "number", minimum: 0, maximum: 100 };
const text = { type: "string" };
const strict = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  additionalProperties: false,
  ...extra,
});

export const KNOWN_RULES = [...RULES.map((r) => r.meta.id), ...MEASURES.map((m) => m.rule)].filter(
  (v, i, a) => a.indexOf(v) === i,
);
const SCALES = ["team", "cadre", "institution", "political"];

const PARAMS = strict({
  quota: strict({
    rounding: { enum: ["floor", "round-half-up", "ceil"] },
    minimum: { type: "integer", minimum: 0, maximum: 100 },
    excludeUngraded: { type: "boolean" },
    principalCounts: { type: "boolean" },
  }),
  teamShares: { type: "array", items: percent, minItems: 4, maxItems: 4 },
  bodyShare: strict({ general: percent, max: percent }),
  institutionShares: strict({ general: percent, raised: percent, lowered: percent }),
  townshipShare: strict({ share: percent, categories: { type: "array", items: text } }),
  performanceShares: strict({ table: { type: "object", additionalProperties: percent }, overall: percent }),
  regularScoreMin: percent,
  pointsLostMax: percent,
  sanctions: {
    type: "array",
    items: strict(
      {
        name: { type: "string", minLength: 1 },
        aliases: { type: "array", items: text },
        limits: { type: "array", items: { enum: ["not-excellent", "ungraded", "incompetent"] } },
      },
      { required: ["name", "limits"] },
    ),
  },
  ungradedBreaksRun: { type: "boolean" },
  term: strict({
    years: { type: "integer", minimum: 1, maximum: 10 },
    maxTerms: { type: "integer", minimum: 1, maximum: 10 },
  }),
  weights: strict({
    regular: percent,
    survey: percent,
    evaluators: { type: "object", additionalProperties: percent },
    highQuality: strict({ min: percent, max: percent, value: { anyOf: [percent, { type: "null" }] } }),
    countyFocus: strict({ share: percent, value: { anyOf: [percent, { type: "null" }] } }),
  }),
  democraticLowShare: percent,
});

export const RULESET_SCHEMA = strict(
  {
    id: { type: "string", minLength: 1, pattern: "^[^+\\s]+$" },
    title: { anyOf: [text, strict({ zh: text, en: text }, { required: ["zh"] })] },
    extends: { type: "string", minLength: 1 },
    year: { type: "integer", minimum: 1990, maximum: 2200 },
    source: text,
    scale: { enum: SCALES },
    teamScale: { enum: ["team", "termClass"] },
    rules: {
      type: "object",
      propertyNames: { enum: KNOWN_RULES },
      additionalProperties: {
        anyOf: [
          { const: false },
          { type: "null" },
          strict({ severity: { enum: ["error", "warning", "info"] }, source: text }),
        ],
      },
    },
    params: PARAMS,
    paramNotes: {
      type: "object",
      additionalProperties: strict({ source: text, local: { type: "boolean" } }, { required: ["source"] }),
    },
  },
  { required: ["id"] },
);
