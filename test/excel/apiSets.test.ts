/**
 * Requirement sets: every Office API member the add-in calls (src/excel, src/functions, src/taskpane), resolved by
 * the TypeScript type checker to its declaration in @types/office-js, whose JSDoc names the set that added it
 * (`[Api set: ExcelApi 1.18]`, `**Requirement set**: … | SharedRuntime 1.1`). A member above the baseline the manifest
 * declares in `<Requirements>` must sit behind a run-time check of that set (`supportsExcelApi(version)` or
 * `Office.context.requirements.isSetSupported("ExcelApi", version)`), or Excel 2021/2024 LTSC and older builds fail.
 */
import { readdirSync, readFileSync } from "fs";
import { join, relative } from "path";
import ts from "typescript";
import { descendants, parseXml, path } from "../manifest/xml";

const ROOT = join(__dirname, "..", "..");
const SCANNED = ["src/excel", "src/functions", "src/taskpane"];
const OFFICE_TYPES = join("node_modules", "@types", "office-js", "index.d.ts");

interface Use {
  where: string;
  member: string;
  set: string;
  version: string;
  guardedAt?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

function program(files: string[]): ts.Program {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  return ts.createProgram(files, { ...options, noEmit: true });
}

/** "1.18" > "1.9": requirement-set versions compare part by part. */
function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The requirement set a declaration's JSDoc names, or undefined when it names none. */
function declaredSet(decl: ts.Declaration): { set: string; version: string } | undefined {
  const file = decl.getSourceFile();
  const comments = ts.getLeadingCommentRanges(file.text, decl.getFullStart()) ?? [];
  const text = comments.map((c) => file.text.slice(c.pos, c.end)).join("\n");
  const api = /\[Api set: (\w+) (\d+(?:\.\d+)*)/.exec(text);
  if (api) return { set: api[1], version: api[2] };
  const common = /\*\*Requirement set\*\*: \{@link [^|}]*\| (\w+) (\d+(?:\.\d+)*)\}/.exec(text);
  return common ? { set: common[1], version: common[2] } : undefined;
}

/** The ExcelApi version a condition checks at run time, if it calls one of the two guards with a constant. */
function guardVersion(condition: ts.Node, checker: ts.TypeChecker): string | undefined {
  let found: string | undefined;
  const constant = (arg: ts.Expression | undefined) => {
    if (!arg) return undefined;
    const type = checker.getTypeAtLocation(arg);
    return type.isStringLiteral() ? type.value : undefined;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression.getText();
      if (/(^|\.)supportsExcelApi$/.test(callee)) found = constant(n.arguments[0]) ?? found;
      if (/(^|\.)isSetSupported$/.test(callee) && constant(n.arguments[0]) === "ExcelApi")
        found = constant(n.arguments[1]) ?? found;
    }
    ts.forEachChild(n, visit);
  };
  visit(condition);
  return found;
}

/** The highest ExcelApi version checked by an `if`, `?:` or `&&` that `node` runs only when the check passed. */
function guardAround(node: ts.Node, checker: ts.TypeChecker): string | undefined {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    let condition: ts.Node | undefined;
    if (ts.isIfStatement(p) && p.thenStatement === n) condition = p.expression;
    if (ts.isConditionalExpression(p) && p.whenTrue === n) condition = p.condition;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.right === n)
      condition = p.left;
    const version = condition && guardVersion(condition, checker);
    if (version) return version;
  }
  return undefined;
}

/** Every Office API member used in `files`, with the set its declaration names and the guard around it. */
function officeApiUses(files: string[]): Use[] {
  const prog = program(files);
  const checker = prog.getTypeChecker();
  const uses: Use[] = [];
  for (const file of files) {
    const sf = prog.getSourceFile(file);
    if (!sf) throw new Error(`${file} is not in the program`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) || ts.isNewExpression(node)) {
        const name = ts.isPropertyAccessExpression(node) ? node.name : node.expression;
        const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : undefined;
        // A call resolves to the overload it uses; anything else to the member's declarations.
        const signature = call ? checker.getResolvedSignature(call)?.declaration : undefined;
        const symbol = checker.getSymbolAtLocation(name);
        const resolved = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const decls = signature && !ts.isJSDocSignature(signature) ? [signature] : (resolved?.declarations ?? []);
        for (const decl of decls) {
          if (!decl.getSourceFile().fileName.endsWith(OFFICE_TYPES.split("\\").join("/"))) continue;
          const set = declaredSet(decl);
          if (!set) continue;
          const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
          uses.push({
            where: `${relative(ROOT, file)}:${line + 1}`,
            member: node.getText().replace(/\s+/g, " ").slice(0, 80),
            ...set,
            guardedAt: guardAround(node, checker),
          });
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** The sets manifest.xml requires of every host (`<Requirements><Sets>`). */
function manifestBaseline(): Map<string, string> {
  const manifest = parseXml(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
  const sets = descendants(path(manifest, "Requirements", "Sets"), "Set");
  const defaultMin = path(manifest, "Requirements", "Sets").attributes.DefaultMinVersion ?? "1.1";
  return new Map(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion ?? defaultMin]));
}

/** Uses above the baseline without a guard for at least their version. */
function unguardedAboveBaseline(uses: Use[], baseline: Map<string, string>): Use[] {
  return uses.filter((u) => {
    const declared = baseline.get(u.set);
    if (declared && compareVersions(u.version, declared) <= 0) return false;
    if (u.set === "ExcelApi" && u.guardedAt && compareVersions(u.guardedAt, u.version) >= 0) return false;
    return true;
  });
}

const files = SCANNED.flatMap((d) => sourceFiles(join(ROOT, d)));
const baseline = manifestBaseline();
let uses: Use[];
let fixture: Use[];

beforeAll(() => {
  uses = officeApiUses(files);
  fixture = officeApiUses([join(__dirname, "apiSetsFixture.ts")]);
}, 120_000);

const describeUse = (u: Use) =>
  `${u.where} ${u.member} needs ${u.set} ${u.version}${u.guardedAt ? ` (checks ${u.guardedAt})` : ""}`;

test("the check itself: an unguarded ExcelApi 1.18 call is caught, one behind a check for 1.18 passes", () => {
  const selects = fixture.filter((u) => u.version === "1.18");
  expect(selects.map((u) => u.member)).toEqual([
    'sheet.getRanges("1:1, 3:3").select',
    'sheet.getRanges("1:1, 3:3").select',
    "areas.select",
    'sheet.getRanges("1:1, 3:3").select',
  ]);
  expect(selects.map((u) => u.guardedAt)).toEqual([undefined, "1.18", "1.18", "1.12"]);
  const caught = unguardedAboveBaseline(fixture, new Map([["ExcelApi", "1.9"]]));
  expect(caught.map((u) => u.where.replace(/^.*:/, "line "))).toEqual(["line 8", "line 21"]);
});

test("the scan resolves the add-in's Office calls to their sets (ExcelApi members, events, the 1.18 selection)", () => {
  expect(uses.length).toBeGreaterThan(100);
  const sets = new Set(uses.map((u) => `${u.set} ${u.version}`));
  for (const s of ["ExcelApi 1.1", "ExcelApi 1.7", "ExcelApi 1.9", "ExcelApi 1.18"]) expect(sets).toContain(s);
  const select = uses.filter((u) => u.where.startsWith("src/excel/select.ts") && u.version === "1.18");
  expect(select).toHaveLength(1);
  expect(select[0].guardedAt).toBe("1.18");
});

test("manifest.xml declares the ExcelApi baseline the code needs without checks, and SharedRuntime 1.1", () => {
  const unchecked = uses.filter((u) => u.set === "ExcelApi" && !u.guardedAt).map((u) => u.version);
  const highest = unchecked.sort(compareVersions).at(-1);
  expect(baseline.get("ExcelApi")).toBe(highest);
  expect(baseline.get("SharedRuntime")).toBe("1.1");
});

test("no Office API above the manifest's baseline is called without a run-time check of its set", () => {
  expect(unguardedAboveBaseline(uses, baseline).map(describeUse)).toEqual([]);
});
