#!/usr/bin/env node
/**
 * The `rfm` executable: starts the command line (`main.js` beside this file: the one bundled file in an install,
 * src/cli/main.ts compiled as it is in a development build) through the code cache (codeCache.ts).
 */

import { join } from "path";
import { loadWithCodeCache } from "./codeCache";

(loadWithCodeCache(join(__dirname, "main.js")) as typeof import("./main")).runAsCommand();
