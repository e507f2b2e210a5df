/**
 * `npm run package`: one archive for IT, made from the production build in dist/ (run `npm run build` with ADDIN_URL
 * first; the npm script does). Inside `rfm-grader-<version>/`:
 *   web/          the static files to host at ADDIN_URL (HTML, JavaScript, JSON, icons: no server code)
 *   manifest.xml  the add-in manifest to deploy (Microsoft 365 admin center)
 *   SHA256SUMS    a SHA-256 sum of every file above (`sha256sum -c SHA256SUMS` checks them)
 *   INSTALL.txt   where the files go and what to do with the manifest, in English and Chinese, and which cloud's
 *                 Office.js the build loads (from web/build-info.json, which the build writes)
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
    throw new Error(
      "dist/manifest.xml points at https://localhost: run a production build first (ADDIN_URL=https://… npm run build).",
    );
  }
  const url = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(manifest)?.[1];
  if (!url) throw new Error("dist/manifest.xml names no taskpane.html: is dist/ a build of this add-in?");
  return url;
}

/** What build-info.json (written by the build) says about the build: the Office.js its pages load. */
interface BuildInfo {
  officeJs: { cdn: string; url: string; cloud: string };
}

function readBuildInfo(dist: string): BuildInfo {
  const path = join(dist, "build-info.json");
  if (!existsSync(path))
    throw new Error(`${path} not found: run npm run build first (this dist/ is from an older build).`);
  const info = JSON.parse(readFileSync(path, "utf8")) as Partial<BuildInfo>;
  if (!info.officeJs?.url || !info.officeJs.cdn)
    throw new Error(`${path} does not say which Office.js the pages load.`);
  return info as BuildInfo;
}

/**
 * INSTALL.txt: the steps for IT, in English and Chinese, each checked against Microsoft's documentation (the
 * README's "Install for your team" says the same at length). The cloud the build is for comes first: a build for
 * the worldwide cloud cannot load Office.js inside 21Vianet's, and the other way round.
 */
export function installText(version: string, url: string, info: BuildInfo): string {
  const { cdn, url: officeJs, cloud } = info.officeJs;
  const forChina = cdn === "china";
  const otherBuild = forChina ? "OFFICE_JS_CDN=global" : "OFFICE_JS_CDN=china";
  return [
    `RFM Grader ${version}`,
    "",
    `Built for ${url}`,
    `Office.js from ${officeJs}`,
    `(${cloud}; for ${forChina ? "worldwide Microsoft 365" : "Office 365 operated by 21Vianet"} build again with ${otherBuild}).`,
    "",
    `1. Host every file of web/ at ${url} on an HTTPS web server whose certificate your PCs trust.`,
    `   ${url}taskpane.html must open in a browser. On that server:`,
    "   - serve .json as application/json and allow cross-origin GET of functions.json and functions.zh-CN.json",
    "     (Access-Control-Allow-Origin: *);",
    "   - send no X-Frame-Options header and no Content-Security-Policy frame-ancestors: Excel on the web shows the",
    "     pane in a frame of its own page, and either header leaves the pane blank;",
    "   - send Cache-Control: no-cache for taskpane.html, help*.html, *.json and the *.js files without a hash in",
    "     their name; let the icons (assets/) be cached.",
    "2. Deploy manifest.xml:",
    "   - Microsoft 365 (worldwide): Microsoft 365 admin center > Settings > Integrated apps > Upload custom apps.",
    "     Users need a Microsoft 365 or Office 365 Business, Enterprise, Education or Government licence, an",
    "     Exchange Online mailbox and Office signed in with their work account; assign users or top-level groups",
    "     (members of nested groups get nothing). It can take up to 24 hours to appear.",
    "   - Office 365 operated by 21Vianet, and other sovereign or government clouds: there is no Integrated apps",
    "     page; use Centralized Deployment (admin center > Settings > Add-ins > Deploy Add-in, upload manifest.xml).",
    "   - Sideloading on a Mac and a network-share catalog (Windows) are for testing only. A SharePoint app catalog",
    "     cannot carry this add-in: it ignores the ribbon button, the RFM formulas and the shared runtime.",
    "3. Who can use it: Excel on the web; Excel for Windows with Microsoft 365 or a retail licence, Version 2002 or",
    "   later; Excel for Mac 16.35 or later. Volume-licensed Excel 2021/2024 (Version 2108 or later) runs the pane;",
    "   check the RFM formulas there before relying on them (see the README). In volume-licensed Excel 2016 and",
    "   2019, any Windows Excel older than Version 2002, and on iPad, the add-in never appears and RFM formulas show",
    "   #NAME?.",
    "4. Updates: raise the version, build with the same ADDIN_URL and Office.js, replace the hosted files, and",
    "   upload the new manifest.xml (admin center: Update). Excel keeps functions.json for up to 24 hours; a higher",
    "   <Version> in the manifest makes it fetch everything again.",
    "5. Check the files: sha256sum -c SHA256SUMS",
    "",
    `RFM 客户分级 ${version}`,
    "",
    `托管地址：${url}`,
    `Office.js 地址：${officeJs}`,
    forChina
      ? "（本版本用于世纪互联运营的 Office 365；全球版 Microsoft 365 请用 OFFICE_JS_CDN=global 重新构建。）"
      : "（本版本用于全球版 Microsoft 365；世纪互联运营的 Office 365 请用 OFFICE_JS_CDN=china 重新构建。）",
    "",
    `1. 将 web/ 中的全部文件放到 ${url}，使用本单位电脑信任其证书的 HTTPS 网站服务器。`,
    `   在浏览器中应能打开 ${url}taskpane.html。服务器上：`,
    "   - .json 以 application/json 类型提供，并允许跨源 GET 读取 functions.json 和 functions.zh-CN.json",
    "     （Access-Control-Allow-Origin: *）；",
    "   - 不要发送 X-Frame-Options 响应头，也不要在 Content-Security-Policy 中设置 frame-ancestors：网页版 Excel",
    "     在自己页面的框架中显示任务窗格，这两者都会让任务窗格变成空白；",
    "   - 对 taskpane.html、help*.html、*.json 和文件名不带哈希的 *.js 发送 Cache-Control: no-cache；图标（assets/）可以缓存。",
    "2. 部署 manifest.xml：",
    "   - 全球版 Microsoft 365：Microsoft 365 管理中心 > 设置 > 集成应用 > 上传自定义应用。用户需要",
    "     Microsoft 365 或 Office 365 的商业版、企业版、教育版或政府版许可证，Exchange Online 邮箱，并用工作帐户",
    "     登录 Office；请指定用户或顶层组（嵌套组的成员不会收到）。最长可能需要 24 小时才会出现。",
    "   - 世纪互联运营的 Office 365 及其他主权云、政府云：没有“集成应用”页面，请使用集中部署",
    "     （管理中心 > 设置 > 加载项 > 部署加载项，上传 manifest.xml）。",
    "   - Mac 旁加载和网络共享文件夹目录（Windows）仅用于测试。SharePoint 应用目录无法承载本加载项：",
    "     它会忽略功能区按钮、RFM 公式和共享运行时。",
    "3. 可以使用的 Excel：网页版 Excel；Windows 上 Microsoft 365 或零售版的 Excel，版本 2002 或更高；Mac 版 Excel",
    "   16.35 或更高。批量许可的 Excel 2021/2024（版本 2108 或更高）可以使用任务窗格，RFM 公式请先在该版本上核实",
    "   再使用（见 README）。在批量许可的 Excel 2016 和 2019、低于版本 2002 的 Windows 版 Excel 以及 iPad 上，",
    "   加载项不会出现，RFM 公式显示 #NAME?。",
    "4. 更新：提高版本号，用同一个 ADDIN_URL 和 Office.js 地址构建，替换已托管的文件，再上传新的 manifest.xml",
    "   （管理中心中选择“更新”）。Excel 会把 functions.json 保留最长 24 小时；清单中的 <Version> 提高后，",
    "   Excel 会重新获取全部文件。",
    "5. 校验文件：sha256sum -c SHA256SUMS",
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
  content.set("INSTALL.txt", Buffer.from(installText(version, url, readBuildInfo(dist)), "utf8"));
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
