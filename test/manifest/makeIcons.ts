// Writes the add-in icons into assets/ (run: npx ts-node --transpile-only test/manifest/makeIcons.ts).
import { writeFileSync } from "fs";
import { join } from "path";
import { ICON_SIZES, drawIcon } from "./icons";

for (const size of ICON_SIZES) {
  const file = join(__dirname, "..", "..", "assets", `icon-${size}.png`);
  writeFileSync(file, drawIcon(size));
  console.log(`wrote ${file}`);
}
