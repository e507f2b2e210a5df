/**
 * `npm run package`: one archive for IT, made from the production build in dist/ (run `npm run build` with ADDIN_URL
 * first; the npm script does). Inside `rfm-grader-<version>/`:
 *   web/          the static files to host at ADDIN_URL (HTML, JavaScript, JSON, icons: no server code)
 *   manifest.xml  the add-in manifest to deploy (admin center, SharePoint or network-share catalog, sideloading)
 *   SHA256SUMS    a SHA-256 sum of every file above (`sha256sum -c SHA256SUMS` checks them)
 *   INSTALL.txt   where the files go and what to do with the manifest, in English and Chinese
 * The archive's own SHA-256 sum is written next to it (`<archive>.sha256`). Both are written whole or not at all.
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { writeFile } from "fs/promises";
import { join, relative, resolve, sep } from "path";
import { zipSync, type Zippable } from "fflate";
import { writeAtomically } from "../cli/atomicWrite";

export interface PackageResult {
  archive: string;
  sha256: string;
  /** Paths inside the archive, sorted. */
  entries: string[];
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Files of the production build to host: everything in dist/ except the command line (dist/node) and the manifest. */
function hostedFiles(dist: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
  return walk(dist)
    .map((f) => relative(dist, f).split(sep).join("/"))
    .filter((f) => !f.startsWith("node/") && f !== "manifest.xml");
}

/** The production manifest's hosting address, refusing a development build. */
function hostingAddress(manifest: string): string {
  if (/https:\/\/localhost[:/]/.test(manifest)) {
    throw new Error("dist/manifest.xml points at https://localhost: run a production build first (ADDIN_URL=https://… npm run build).");
  }
  const url = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(manifest)?.[1];
  if (!url) throw new Error("dist/manifest.xml names no taskpane.html: is dist/ a build of this add-in?");
  return url;
}

function installText(version: string, url: string): string {
  return [
    `RFM Grader ${version}`,
    "",
    `1. Host every file of web/ at ${url} (any HTTPS static web server: IIS, nginx, a static site host).`,
    `   ${url}taskpane.html must open in a browser.`,
    "2. Deploy manifest.xml: Microsoft 365 admin center (Integrated apps > Upload custom apps), a SharePoint app",
    "   catalog, a network-share catalog (Windows), or sideloading. See the README's \"Install for your team\".",
    "3. Check the files: sha256sum -c SHA256SUMS",
    "",
    `RFM 客户分级 ${version}`,
    "",
    `1. 将 web/ 中的全部文件放到 ${url}（任意 HTTPS 静态网站服务器：IIS、nginx 或静态网站托管）。`,
    `   在浏览器中应能打开 ${url}taskpane.html。`,
    "2. 部署 manifest.xml：Microsoft 365 管理中心（集成应用 > 上传自定义应用）、SharePoint 应用目录、",
    "   网络共享文件夹目录（Windows），或旁加载。详见 README 的“为团队安装”。",
    "3. 校验文件：sha256sum -c SHA256SUMS",
    "",
  ].join("\n");
}

/** Writes `<outDir>/rfm-grader-<version>.zip` (and `.zip.sha256`) from the production build in `dist`. */
export async function packageAddin(dist: string, outDir: string, version: string): Promise<PackageResult> {
  const manifestPath = join(dist, "manifest.xml");
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run npm run build first.`);
  const manifest = readFileSync(manifestPath);
  const url = hostingAddress(manifest.toString("utf8"));
  const top = `rfm-grader-${version}`;
  const content = new Map<string, Uint8Array>();
  for (const f of hostedFiles(dist)) content.set(`web/${f}`, readFileSync(join(dist, f)));
  content.set("manifest.xml", manifest);
  content.set("INSTALL.txt", Buffer.from(installText(version, url), "utf8"));
  const sums = [...content].map(([name, data]) => `${sha256(data)}  ${name}\n`).join("");
  content.set("SHA256SUMS", Buffer.from(sums, "utf8"));

  const tree: Zippable = {};
  for (const [name, data] of content) tree[`${top}/${name}`] = [data, { level: 9 }];
  const zip = zipSync(tree);
  mkdirSync(outDir, { recursive: true });
  const archive = resolve(outDir, `${top}.zip`);
  const digest = sha256(zip);
  await writeAtomically(archive, (temp) => writeFile(temp, zip));
  await writeAtomically(`${archive}.sha256`, (temp) => writeFile(temp, `${digest}  ${top}.zip\n`));
  return { archive, sha256: digest, entries: [...content.keys()].map((n) => `${top}/${n}`).sort() };
}

if (require.main === module) {
  const root = resolve(__dirname, "..", "..");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require(join(root, "package.json")) as { version: string };
  packageAddin(join(root, "dist"), join(root, "out"), version).then(
    (r) => {
      process.stdout.write(`${relative(process.cwd(), r.archive)}  (${r.entries.length} files)\nSHA-256 ${r.sha256}\n`);
    },
    (err: Error) => {
      process.stderr.write(`package: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
