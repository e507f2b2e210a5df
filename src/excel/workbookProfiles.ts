/**
 * Grading profiles stored in the workbook itself, so they travel with the file: every colleague who opens it, and
 * every `=RFM.GRADE(..., "our-profile")` in it, grades by the same rules.
 *
 * Where: the workbook's add-in settings (`context.workbook.settings`, ExcelApi 1.4), one setting per profile, its
 * value the profile's spec §6 JSON text. Chosen over a custom XML part because the settings are read and written
 * through the same batched `Excel.run` API the custom functions already use in the shared runtime (no callback-style
 * `Office.context.document` calls, no XML escaping), are saved with the workbook without a separate `saveAsync`,
 * and one setting per profile means saving one profile never rewrites the others. Settings are private to this
 * add-in, which is what we want: no other add-in can overwrite a profile.
 *
 * The profile rules are the engine's: documents are checked with `validateProfile`/`parseProfile` and written with
 * `profileToJson`, the same text the command line's `--profile FILE.json` reads.
 */
import { builtinProfile, parseProfile, parseProfileJson, profileToJson, validateProfile } from "../engine";
import type { Localized, Profile, ProfileIssue } from "../engine";
import { AREA_PROPS, areaOf, sheetAddress } from "./address";
import { gridBytes, MAX_CHUNK_CELLS, TARGET_BYTES } from "./chunks";

/** Setting key of a stored profile: the prefix and the id in lower case, so ids are unique ignoring case. */
export const PROFILE_SETTING_PREFIX = "rfm.profile.";

export function profileSettingKey(id: string): string {
  return PROFILE_SETTING_PREFIX + id.trim().toLowerCase();
}

/** A stored profile that cannot be used (edited outside the add-in, or written by a newer version). */
export interface InvalidStoredProfile {
  key: string;
  /** The id the setting is stored under (lower case). */
  id: string;
  issues: ProfileIssue[];
}

export interface WorkbookProfiles {
  /** Valid stored profiles, by id. */
  profiles: Profile[];
  invalid: InvalidStoredProfile[];
}

export const STORAGE_TEXTS = {
  builtinId: (id: string): Localized => ({
    en: `id "${id}" belongs to a built-in profile, which cannot be overwritten: choose another id`,
    zh: `id "${id}" 是内置分级方案的编号，内置方案不能被覆盖：请换一个 id`,
  }),
  idTaken: (id: string): Localized => ({
    en: `id "${id}" is already used by a profile saved in this workbook: choose another id, or update that profile`,
    zh: `id "${id}" 已被本工作簿中保存的分级方案使用：请换一个 id，或更新该方案`,
  }),
  notStoredAsText: {
    en: "the stored profile is not JSON text",
    zh: "保存的分级方案不是 JSON 文本",
  },
  storedUnderOtherId: (key: string): Localized => ({
    en: `the stored profile's id does not match the setting "${key}" it is stored under`,
    zh: `保存的分级方案的 id 与其所在的设置项 "${key}" 不一致`,
  }),
} as const;

function issue(field: string, message: Localized): ProfileIssue {
  return { field, message };
}

/** The profile stored under a setting, or what is wrong with it. */
function readStored(key: string, value: unknown): Profile | InvalidStoredProfile {
  const id = key.slice(PROFILE_SETTING_PREFIX.length);
  if (typeof value !== "string") return { key, id, issues: [issue("(profile)", STORAGE_TEXTS.notStoredAsText)] };
  const parsed = parseProfileJson(value);
  if ("issues" in parsed) return { key, id, issues: parsed.issues };
  if (profileSettingKey(parsed.profile.id) !== key) {
    return { key, id, issues: [issue("id", STORAGE_TEXTS.storedUnderOtherId(key))] };
  }
  if (builtinProfile(parsed.profile.id.toLowerCase())) {
    return { key, id, issues: [issue("id", STORAGE_TEXTS.builtinId(parsed.profile.id))] };
  }
  return parsed.profile;
}

/** Every profile stored in the workbook (one sync). Invalid ones are reported, never thrown. */
export async function listWorkbookProfiles(ctx: Excel.RequestContext): Promise<WorkbookProfiles> {
  const settings = ctx.workbook.settings;
  settings.load("items/key,items/value");
  await ctx.sync();
  const result: WorkbookProfiles = { profiles: [], invalid: [] };
  for (const item of settings.items) {
    if (!item.key.startsWith(PROFILE_SETTING_PREFIX)) continue;
    const stored = readStored(item.key, item.value);
    if ("issues" in stored) result.invalid.push(stored);
    else result.profiles.push(stored);
  }
  result.profiles.sort((a, b) => compareIds(a.id, b.id));
  result.invalid.sort((a, b) => compareIds(a.id, b.id));
  return result;
}

function compareIds(a: string, b: string): number {
  return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
}

export type SaveOutcome =
  | { status: "saved"; profile: Profile; replaced: boolean }
  /**
   * Nothing was written; `issues` name the fields. `reason`: "invalid" (the engine's validation, or JSON syntax),
   * "builtin" (a built-in id), "taken" (the id is stored already and `update` was not given).
   */
  | { status: "refused"; reason: RefusalReason; issues: ProfileIssue[] };

export type RefusalReason = "invalid" | "builtin" | "taken";

export interface SaveOptions {
  /** The user chose to update the stored profile of the same id. Without it an existing id is refused. */
  update?: boolean;
}

/**
 * Stores a profile document in the workbook after the engine has validated it. Refused (nothing written): an
 * invalid document, a built-in id (`shaoxing`, `wuhan`, in any case), or an id already stored unless
 * `options.update`. Then formulas recalculate (see `recalculateFormulas`). Two or three syncs.
 */
export async function saveWorkbookProfile(ctx: Excel.RequestContext, doc: unknown, options: SaveOptions = {}): Promise<SaveOutcome> {
  const issues = validateProfile(doc);
  if (issues.length > 0) return { status: "refused", reason: "invalid", issues };
  const profile = parseProfile(doc);
  if (builtinProfile(profile.id.toLowerCase())) {
    return { status: "refused", reason: "builtin", issues: [issue("id", STORAGE_TEXTS.builtinId(profile.id))] };
  }
  const key = profileSettingKey(profile.id);
  const existing = ctx.workbook.settings.getItemOrNullObject(key).load("key");
  await ctx.sync();
  const replaced = !existing.isNullObject;
  if (replaced && !options.update) {
    return { status: "refused", reason: "taken", issues: [issue("id", STORAGE_TEXTS.idTaken(profile.id))] };
  }
  ctx.workbook.settings.add(key, profileToJson(profile));
  await ctx.sync();
  await recalculateFormulas(ctx);
  return { status: "saved", profile, replaced };
}

/**
 * Imports the text of a profile JSON file (spec §6, as `--profile FILE.json` reads it): a syntax error or an invalid
 * document is refused with the engine's issues and nothing in the workbook changes; otherwise as `saveWorkbookProfile`.
 */
export async function importWorkbookProfile(ctx: Excel.RequestContext, text: string, options: SaveOptions = {}): Promise<SaveOutcome> {
  const parsed = parseProfileJson(text);
  if ("issues" in parsed) return { status: "refused", reason: "invalid", issues: parsed.issues };
  return saveWorkbookProfile(ctx, parsed.profile, options);
}

/** Removes a stored profile; false when the workbook has none of that id. Formulas recalculate after a removal. */
export async function deleteWorkbookProfile(ctx: Excel.RequestContext, id: string): Promise<boolean> {
  const setting = ctx.workbook.settings.getItemOrNullObject(profileSettingKey(id)).load("key");
  await ctx.sync();
  if (setting.isNullObject) return false;
  setting.delete();
  await ctx.sync();
  await recalculateFormulas(ctx);
  return true;
}

// The custom functions cache the stored profiles (a recalculation calls them many times). The revision that
// invalidates their cache lives on the page's global object: the task pane and the functions share one page (the
// shared runtime), and the global holds even where they are bundled with separate copies of this module.
const REVISION_KEY = "__rfmWorkbookProfilesRevision";

/** Changes whenever this page saved or deleted a stored profile. */
export function workbookProfilesRevision(): number {
  return ((globalThis as Record<string, unknown>)[REVISION_KEY] as number | undefined) ?? 0;
}

function bumpRevision(): void {
  (globalThis as Record<string, unknown>)[REVISION_KEY] = workbookProfilesRevision() + 1;
}

/**
 * Makes every formula calculate again, so `=RFM.GRADE(..., "our-profile")` follows the stored profile. The custom
 * functions' cache is invalidated only after the settings were written (the previous sync), so a formula that runs
 * in between cannot keep the old rules; then a full calculation, which marks every cell dirty: a formula may take
 * the profile id from another cell, so recalculating only the formulas that name the id would miss some.
 */
export async function recalculateFormulas(ctx: Excel.RequestContext): Promise<void> {
  bumpRevision();
  ctx.workbook.application.calculate("Full");
  await ctx.sync();
}

/** Where formulas name a profile: `addresses` merges vertical runs ("Sales!H2:H200"); `cells` counts every cell. */
export interface FormulaUses {
  cells: number;
  addresses: string[];
}

const RFM_CALL = /\bRFM\.[A-Z0-9_.]+\s*\(/i;
const TEXT_LITERAL = /"((?:[^"]|"")*)"/g;

/** true when a formula calls an RFM function and names `id` as a text (ids match ignoring case and spaces). */
export function formulaNamesProfile(formula: unknown, id: string): boolean {
  if (typeof formula !== "string" || !formula.startsWith("=") || !RFM_CALL.test(formula)) return false;
  const wanted = id.trim().toLowerCase();
  for (const match of formula.matchAll(TEXT_LITERAL)) {
    if (match[1].replace(/""/g, '"').trim().toLowerCase() === wanted) return true;
  }
  return false;
}

interface Block {
  sheet: string;
  /** Position of the sheet in tab order. */
  tab: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

type Hit = Omit<Block, "rows" | "cols">;

/**
 * Addresses of the formulas that call RFM.* naming profile `id` directly (a formula taking the id from another cell
 * is not found; it still recalculates after a change). Reads the formulas of every sheet's used range in blocks of
 * rows: one sync for the sheet names, one for the used ranges, then one per block batch of about TARGET_BYTES.
 */
export async function findFormulasUsingProfile(ctx: Excel.RequestContext, id: string): Promise<FormulaUses> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const names = sheets.items.map((s) => s.name);
  const used = names.map((name) => sheets.getItem(name).getUsedRangeOrNullObject(true).load(AREA_PROPS));
  await ctx.sync();

  const blocks: Block[] = [];
  used.forEach((range, i) => {
    if (range.isNullObject) return;
    const a = areaOf(range);
    // Rows per block: whole rows, at most MAX_CHUNK_CELLS cells.
    const step = Math.max(1, Math.floor(MAX_CHUNK_CELLS / a.cols));
    for (let r = 0; r < a.rows; r += step) {
      blocks.push({ sheet: names[i], tab: i, row: a.row + r, col: a.col, rows: Math.min(step, a.rows - r), cols: a.cols });
    }
  });

  const hits: Hit[] = [];
  // Cells per sync, adjusted to the bytes per cell the last sync really took.
  let budget = Math.floor(TARGET_BYTES / 12);
  for (let next = 0; next < blocks.length; ) {
    const batch: { block: Block; range: Excel.Range }[] = [];
    let cells = 0;
    while (next < blocks.length && (batch.length === 0 || cells + blocks[next].rows * blocks[next].cols <= budget)) {
      const block = blocks[next++];
      const range = sheets.getItem(block.sheet).getRangeByIndexes(block.row, block.col, block.rows, block.cols).load("formulas");
      batch.push({ block, range });
      cells += block.rows * block.cols;
    }
    await ctx.sync();
    let bytes = 0;
    for (const { block, range } of batch) {
      const formulas = range.formulas;
      bytes += gridBytes(formulas);
      for (let r = 0; r < block.rows; r++) {
        const row = formulas[r];
        for (let c = 0; c < block.cols; c++) {
          if (formulaNamesProfile(row[c], id)) hits.push({ sheet: block.sheet, tab: block.tab, row: block.row + r, col: block.col + c });
        }
      }
    }
    budget = Math.max(1, Math.min(MAX_CHUNK_CELLS, Math.floor(TARGET_BYTES / Math.max(1, bytes / Math.max(1, cells)))));
  }
  return { cells: hits.length, addresses: mergeRuns(hits) };
}

/** Consecutive cells of one column become one address (a formula filled down 500 rows is one entry, not 500). */
function mergeRuns(hits: Hit[]): string[] {
  const sorted = [...hits].sort((a, b) => a.tab - b.tab || a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let run: Block | null = null;
  for (const h of sorted) {
    if (run && run.sheet === h.sheet && run.col === h.col && run.row + run.rows === h.row) {
      run.rows++;
      continue;
    }
    if (run) out.push(sheetAddress(run.sheet, run));
    run = { ...h, rows: 1, cols: 1 };
  }
  if (run) out.push(sheetAddress(run.sheet, run));
  return out;
}
