/** What the command line says about the engine it graded with (`--engine`), from the catalogues. */

import { CLI_TEXTS, type DeclineReasonText } from "../../i18n/cli";
import { localizedView } from "../../engine";

/** Why DuckDB was not used for a file it could have graded; the JavaScript engine then grades it. */
export type DeclineReason = DeclineReasonText;

export const ENGINE_TEXTS = localizedView(CLI_TEXTS, (t) => t.engines);
