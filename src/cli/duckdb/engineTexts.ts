/** What the command line says about the engine it graded with (`--engine`), from the catalogues. */

import { CLI_TEXTS, type DeclineReasonText } from "../../i18n/cli";
import { localizedView } from "../../engine";

/** Why a fast reading (the quick JavaScript one, or DuckDB) was not used; the full JavaScript reader then reads the file. */
export type DeclineReason = DeclineReasonText;

export const ENGINE_TEXTS = localizedView(CLI_TEXTS, (t) => t.engines);
