/**
 * Grading profiles stored in the workbook itself, so they travel with the file: every colleague who opens it, and
 * every `=RFM.GRADE(..., "our-profile")` in it, grades by the same rules.
 *
 * Where: one custom XML part of the workbook per profile (ExcelApi 1.5), in the namespace
 * `urn:rfm-grader:workbook-profile` (see profilePart.ts for the XML). Custom XML parts belong to the workbook, not
 * to the add-in: the profiles stay readable whatever the add-in's Id becomes (the unified manifest needs a new one),
 * which the add-in's settings (`workbook.settings`) are not — they belong to the add-in's Id. One part per profile
 * means saving one profile never rewrites another, so two people saving different profiles at once lose nothing.
 *
 * Earlier versions stored each profile as a setting (`rfm.profile.<id>`, the JSON text of RULES.md §11). Those are read
 * too (formulas keep grading with them) and copied into parts when the task pane opens (`migrateWorkbookProfiles`); the
 * settings are left in place, so a colleague still on an earlier version keeps reading them, kept up to date when a
 * profile of theirs is saved again, and removed only when the user deletes that profile. A part always wins over a
 * setting of the same id.
 *
 * The profile rules are the engine's: documents are checked with `validateProfile`/`parseProfile` and written with
 * `profileToJson`, the same text the command line's `--profile FILE.json` reads.
 */
import { builtinProfile, parseProfile, parseProfileJson, profileToJson, validateProfile } from "../engine";
import type { Localized, Profile, ProfileIssue } from "../engine";
import { AREA_PROPS, areaOf, sheetAddress } from "./address";
import { gridBytes, MAX_CHUNK_CELLS, TARGET_BYTES } from "./chunks";
import { PROFILE_XML_NAMESPACE, profilePartXml, readProfilePart } from "./profilePart";
import { ADAPTER } from "../i18n/adapter";

export { PROFILE_XML_NAMESPACE } from "./profilePart";

/** Setting key of a profile stored by an earlier version: the prefix and the id in lower case. */
export const PROFILE_SETTING_PREFIX = "rfm.profile.";

function profileSettingKey(id: string): string {
  return PROFILE_SETTING_PREFIX + id.trim().toLowerCase();
}

/** Ids are unique ignoring case and surrounding spaces. */
function idKey(id: string): string {
  return id.trim().toLowerCase();
}

/** A stored profile that cannot be used (a damaged part, one edited outside the add-in, or a newer version's). */
interface InvalidStoredProfile {
  /** Where it is stored: `xml:<part id>` for a custom XML part, the setting's key for an earlier version's. */
  key: string;
  /** The id it is stored under (lower case); for a part whose XML cannot be read, its part id. */
  id: string;
  issues: ProfileIssue[];
}

export interface WorkbookProfiles {
  /** Valid stored profiles, by id. */
  profiles: Profile[];
  invalid: InvalidStoredProfile[];
}

export const STORAGE_TEXTS = {
  builtinId: ADAPTER.storage.builtinId,
  idTaken: ADAPTER.storage.idTaken,
  notStoredAsText: ADAPTER.storage.notStoredAsText,
  storedUnderOtherId: ADAPTER.storage.storedUnderOtherId,
  partUnderOtherId: ADAPTER.storage.partUnderOtherId,
};

function issue(field: string, message: Localized): ProfileIssue {
  return { field, message };
}

/** The profile a stored JSON text holds, checked against the id it is stored under; or what is wrong with it. */
function readStoredJson(text: unknown, storedId: string, mismatch: Localized): Profile | ProfileIssue[] {
  if (typeof text !== "string") return [issue("(profile)", STORAGE_TEXTS.notStoredAsText)];
  const parsed = parseProfileJson(text);
  if ("issues" in parsed) return parsed.issues;
  if (idKey(parsed.profile.id) !== idKey(storedId)) return [issue("id", mismatch)];
  if (builtinProfile(idKey(parsed.profile.id))) return [issue("id", STORAGE_TEXTS.builtinId(parsed.profile.id))];
  return parsed.profile;
}

interface StoredPart {
  part: Excel.CustomXmlPart;
  partId: string;
  /** Lower-case id, or undefined when the XML cannot be read. */
  id?: string;
  saved: string;
  read: Profile | ProfileIssue[];
}

interface StoredSetting {
  key: string;
  id: string;
  read: Profile | ProfileIssue[];
}

/** Everything stored, read in two syncs (one when the workbook has no parts): parts and earlier versions' settings. */
interface Storage {
  parts: StoredPart[];
  settings: StoredSetting[];
}

async function readStorage(ctx: Excel.RequestContext): Promise<Storage> {
  const scoped = ctx.workbook.customXmlParts.getByNamespace(PROFILE_XML_NAMESPACE);
  scoped.load("items/id");
  const settings = ctx.workbook.settings;
  settings.load("items/key,items/value");
  await ctx.sync();
  const xml = scoped.items.map((part) => ({ part, text: part.getXml() }));
  if (xml.length > 0) await ctx.sync();

  const parts = xml.map(({ part, text }): StoredPart => {
    const content = readProfilePart(text.value);
    if ("problem" in content) return { part, partId: part.id, saved: "", read: [issue("(xml)", content.problem)] };
    return {
      part,
      partId: part.id,
      id: idKey(content.id),
      saved: content.saved,
      read: readStoredJson(content.json, content.id, STORAGE_TEXTS.partUnderOtherId(content.id)),
    };
  });
  const stored: StoredSetting[] = [];
  for (const item of settings.items) {
    if (!item.key.startsWith(PROFILE_SETTING_PREFIX)) continue;
    const id = item.key.slice(PROFILE_SETTING_PREFIX.length);
    const mismatch = STORAGE_TEXTS.storedUnderOtherId(item.key);
    // A key that is not the lower-case form of its id was not written by the add-in.
    const read =
      profileSettingKey(id) === item.key ? readStoredJson(item.value, id, mismatch) : [issue("id", mismatch)];
    stored.push({ key: item.key, id: idKey(id), read });
  }
  return { parts, settings: stored };
}

const isProfile = (read: Profile | ProfileIssue[]): read is Profile => !Array.isArray(read);

/**
 * What the storage holds, resolved: per id the part saved last among those that can be read (two people may have
 * saved one id at the same moment), else a setting of an earlier version; what cannot be used is reported once.
 */
function resolve(storage: Storage): WorkbookProfiles & { fromSettings: Profile[] } {
  const best = new Map<string, StoredPart>();
  for (const p of storage.parts) {
    if (p.id === undefined || !isProfile(p.read)) continue;
    const current = best.get(p.id);
    if (!current || p.saved >= current.saved) best.set(p.id, p);
  }
  const profiles: Profile[] = [...best.values()].map((p) => p.read as Profile);
  const invalid: InvalidStoredProfile[] = [];
  const reported = new Set<string>();
  for (const p of storage.parts) {
    if (isProfile(p.read) || (p.id !== undefined && best.has(p.id))) continue;
    if (p.id !== undefined && reported.has(p.id)) continue;
    if (p.id !== undefined) reported.add(p.id);
    invalid.push({ key: `xml:${p.partId}`, id: p.id ?? p.partId, issues: p.read });
  }
  const fromSettings: Profile[] = [];
  for (const s of storage.settings) {
    if (best.has(s.id)) continue;
    if (isProfile(s.read)) fromSettings.push(s.read);
    else if (!reported.has(s.id)) invalid.push({ key: s.key, id: s.id, issues: s.read });
  }
  profiles.push(...fromSettings);
  profiles.sort((a, b) => compareIds(a.id, b.id));
  invalid.sort((a, b) => compareIds(a.id, b.id));
  return { profiles, invalid, fromSettings };
}

/**
 * Every profile stored in the workbook (two syncs): its custom XML parts, and the settings of an earlier version not
 * copied yet. Read only — the custom functions call it during a recalculation. Invalid ones are reported, never
 * thrown.
 */
export async function listWorkbookProfiles(ctx: Excel.RequestContext): Promise<WorkbookProfiles> {
  const { profiles, invalid } = resolve(await readStorage(ctx));
  return { profiles, invalid };
}

function compareIds(a: string, b: string): number {
  return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
}

/**
 * Copies the profiles an earlier version stored as settings into custom XML parts (one sync more, only when there
 * is something to copy), so they survive a change of the add-in's Id. Nothing is removed: the settings stay for a
 * colleague still on an earlier version. A workbook Excel does not let us write (read-only, protected) keeps them as
 * settings; they are still listed and still grade. Returns how many were copied.
 */
export async function migrateWorkbookProfiles(
  ctx: Excel.RequestContext,
  now: () => Date = () => new Date(),
): Promise<number> {
  const { fromSettings } = resolve(await readStorage(ctx));
  if (fromSettings.length === 0) return 0;
  const saved = now();
  for (const profile of fromSettings)
    ctx.workbook.customXmlParts.add(profilePartXml(profile.id, profileToJson(profile), saved));
  await ctx.sync();
  return fromSettings.length;
}

export type SaveOutcome =
  | { status: "saved"; profile: Profile; replaced: boolean }
  /**
   * Nothing was written; `issues` name the fields. `reason`: "invalid" (the engine's validation, or JSON syntax),
   * "builtin" (a built-in id), "taken" (the id is stored already and `update` was not given).
   */
  | { status: "refused"; reason: RefusalReason; issues: ProfileIssue[] };

type RefusalReason = "invalid" | "builtin" | "taken";

export interface SaveOptions {
  /** The user chose to update the stored profile of the same id. Without it an existing id is refused. */
  update?: boolean;
  /** The moment recorded as the save's (tests). */
  now?: () => Date;
}

/**
 * Stores a profile document in the workbook after the engine has validated it. Refused (nothing written): an
 * invalid document, a built-in id (`shaoxing`, `wuhan`, in any case), or an id already stored (in a part, readable or
 * not, or in an earlier version's setting) unless `options.update`. Updating rewrites the part saved last and removes
 * other parts of the id, and brings an earlier version's setting of the id up to date. Then this workbook's RFM
 * formulas recalculate (see `recalculateFormulas`).
 */
export async function saveWorkbookProfile(
  ctx: Excel.RequestContext,
  doc: unknown,
  options: SaveOptions = {},
): Promise<SaveOutcome> {
  const issues = validateProfile(doc);
  if (issues.length > 0) return { status: "refused", reason: "invalid", issues };
  const profile = parseProfile(doc);
  if (builtinProfile(idKey(profile.id))) {
    return { status: "refused", reason: "builtin", issues: [issue("id", STORAGE_TEXTS.builtinId(profile.id))] };
  }
  const id = idKey(profile.id);
  const storage = await readStorage(ctx);
  const parts = storage.parts
    .filter((p) => p.id === id)
    .sort((a, b) => (a.saved < b.saved ? -1 : a.saved > b.saved ? 1 : 0));
  const setting = storage.settings.find((s) => s.id === id);
  const replaced = parts.length > 0 || setting !== undefined;
  if (replaced && !options.update) {
    return { status: "refused", reason: "taken", issues: [issue("id", STORAGE_TEXTS.idTaken(profile.id))] };
  }
  const json = profileToJson(profile);
  const xml = profilePartXml(profile.id, json, (options.now ?? (() => new Date()))());
  const keep = parts.at(-1);
  if (keep) keep.part.setXml(xml);
  else ctx.workbook.customXmlParts.add(xml);
  for (const older of parts.slice(0, -1)) older.part.delete();
  if (setting) ctx.workbook.settings.add(setting.key, json);
  await ctx.sync();
  await recalculateFormulas(ctx);
  return { status: "saved", profile, replaced };
}

/**
 * Imports the text of a profile JSON file (RULES.md §11, as `--profile FILE.json` reads it): a syntax error or an
 * invalid document is refused with the engine's issues and nothing in the workbook changes; otherwise as
 * `saveWorkbookProfile`.
 */
export async function importWorkbookProfile(
  ctx: Excel.RequestContext,
  text: string,
  options: SaveOptions = {},
): Promise<SaveOutcome> {
  const parsed = parseProfileJson(text);
  if ("issues" in parsed) return { status: "refused", reason: "invalid", issues: parsed.issues };
  return saveWorkbookProfile(ctx, parsed.profile, options);
}

/**
 * Removes a stored profile: every part of its id (readable or not) and an earlier version's setting of it; false
 * when the workbook has none of that id. This workbook's RFM formulas recalculate after a removal.
 */
export async function deleteWorkbookProfile(ctx: Excel.RequestContext, id: string): Promise<boolean> {
  const wanted = idKey(id);
  const storage = await readStorage(ctx);
  const parts = storage.parts.filter((p) => p.id === wanted || (p.id === undefined && p.partId === id));
  const settings = storage.settings.filter((s) => s.id === wanted);
  if (parts.length === 0 && settings.length === 0) return false;
  for (const p of parts) p.part.delete();
  for (const s of settings) ctx.workbook.settings.getItemOrNullObject(s.key).delete();
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

/** Ranges calculated per sync: each is a small request, and a workbook may hold thousands of separate formulas. */
const CALCULATIONS_PER_SYNC = 5_000;

/**
 * Makes this workbook's RFM formulas calculate again, so `=RFM.GRADE(..., "our-profile")` follows the stored
 * profile. The custom functions' cache is invalidated only after the storage was written (the previous sync), so a
 * formula that runs in between cannot keep the old rules. Every formula that calls an RFM function is calculated
 * (`Range.calculate`, ExcelApi 1.6), whatever profile it names — a formula may take the id from another cell — and
 * nothing else: not the other formulas of this workbook, nor other open workbooks, as `application.calculate`
 * would. Reads the formulas as `findFormulasUsingProfile` does; then one sync per CALCULATIONS_PER_SYNC ranges.
 */
async function recalculateFormulas(ctx: Excel.RequestContext): Promise<void> {
  bumpRevision();
  const runs = mergeRuns(await scanFormulas(ctx, callsRfm));
  const sheets = ctx.workbook.worksheets;
  for (let i = 0; i < runs.length; i += CALCULATIONS_PER_SYNC) {
    for (const run of runs.slice(i, i + CALCULATIONS_PER_SYNC)) {
      sheets.getItem(run.sheet).getRangeByIndexes(run.row, run.col, run.rows, run.cols).calculate();
    }
    await ctx.sync();
  }
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
 * is not found; it still recalculates after a change).
 */
export async function findFormulasUsingProfile(ctx: Excel.RequestContext, id: string): Promise<FormulaUses> {
  const hits = await scanFormulas(ctx, (formula) => formulaNamesProfile(formula, id));
  return { cells: hits.length, addresses: mergeRuns(hits).map((run) => sheetAddress(run.sheet, run)) };
}

/** true when a cell's formula calls an RFM function. */
function callsRfm(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && RFM_CALL.test(formula);
}

/**
 * The cells of every sheet whose formula `matches`: reads the formulas of each sheet's used range in blocks of rows:
 * one sync for the sheet names, one for the used ranges, then one per block batch of about TARGET_BYTES.
 */
async function scanFormulas(ctx: Excel.RequestContext, matches: (formula: unknown) => boolean): Promise<Hit[]> {
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
      blocks.push({
        sheet: names[i],
        tab: i,
        row: a.row + r,
        col: a.col,
        rows: Math.min(step, a.rows - r),
        cols: a.cols,
      });
    }
  });

  const hits: Hit[] = [];
  // Cells per sync, adjusted to the bytes per cell the last sync really took.
  let budget = Math.floor(TARGET_BYTES / 12);
  for (let next = 0; next < blocks.length;) {
    const batch: { block: Block; range: Excel.Range }[] = [];
    let cells = 0;
    while (next < blocks.length && (batch.length === 0 || cells + blocks[next].rows * blocks[next].cols <= budget)) {
      const block = blocks[next++];
      const range = sheets
        .getItem(block.sheet)
        .getRangeByIndexes(block.row, block.col, block.rows, block.cols)
        .load("formulas");
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
          if (matches(row[c]))
            hits.push({ sheet: block.sheet, tab: block.tab, row: block.row + r, col: block.col + c });
        }
      }
    }
    budget = Math.max(1, Math.min(MAX_CHUNK_CELLS, Math.floor(TARGET_BYTES / Math.max(1, bytes / Math.max(1, cells)))));
  }
  return hits;
}

/** Consecutive cells of one column become one range (a formula filled down 500 rows is one entry, not 500). */
function mergeRuns(hits: Hit[]): Block[] {
  const sorted = [...hits].sort((a, b) => a.tab - b.tab || a.col - b.col || a.row - b.row);
  const out: Block[] = [];
  let run: Block | null = null;
  for (const h of sorted) {
    if (run && run.sheet === h.sheet && run.col === h.col && run.row + run.rows === h.row) {
      run.rows++;
      continue;
    }
    if (run) out.push(run);
    run = { ...h, rows: 1, cols: 1 };
  }
  if (run) out.push(run);
  return out;
}
