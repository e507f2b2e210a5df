/** The command line's words about `--previous` (comparing with an earlier result), from the catalogues. */
import { CLI_TEXTS } from "../i18n/cli";
import { localizedView } from "../engine";

export const PREVIOUS_TEXTS = localizedView(CLI_TEXTS, (t) => t.previous);
