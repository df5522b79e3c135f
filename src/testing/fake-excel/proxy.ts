/** What every fake Office.js object shares: queued operations, loads snapshotted at sync time. */
import { richError } from "./address";
import type { Ctx, FakeSheet, Op } from "./types";

/** Base of every proxy: `load` snapshots at sync time; a getter before that throws like Office.js. */
export class Proxy0 {
  protected loaded: Record<string, unknown> = {};
  protected nullObject: boolean | undefined;
  constructor(protected ctx: Ctx) {}
  protected value<T>(key: string): T {
    if (!(key in this.loaded)) {
      throw richError(
        "PropertyNotLoaded",
        `The property '${key}' is not available. Load it and call context.sync() first.`,
      );
    }
    return this.loaded[key] as T;
  }
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw richError("PropertyNotLoaded", "isNullObject read before sync");
    return this.nullObject;
  }
  protected queue(op: Op): void {
    this.ctx.queue.push(op);
  }
  protected write(sheet: string, what: string, address?: string): void {
    this.ctx.state.writes.push({ sheet, what, address });
  }
}

/** Counts what a write sends toward the request limit (JSON bytes, as Office.js sends it). */
export function requestBytes(ctx: Ctx, payload: unknown): void {
  ctx.requestBytes += new TextEncoder().encode(JSON.stringify(payload) ?? "").length;
}

export function paths(spec: string | string[] | undefined): string[] {
  if (spec === undefined) return [];
  const list = Array.isArray(spec) ? spec : spec.split(",");
  return list.map((p) => p.trim()).filter(Boolean);
}

export function live(ctx: Ctx, name: string): FakeSheet {
  const s = ctx.state.sheets.find((x) => x.name === name);
  if (!s) throw richError("ItemNotFound", `worksheet ${name} not found`);
  return s;
}

export function guardWritable(s: FakeSheet): void {
  if (s.protected) throw richError("AccessDenied", `worksheet ${s.name} is protected`);
}

let idCounter = 0;
export function nextId(): number {
  return ++idCounter;
}
