import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import { messageFor, type FieldIssues } from "./editorState";

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The engine's message for a group of inputs (a whole list of bounds, all grades, ...), shown under the group. */
export function GroupMessage({
  issues,
  lang,
  path,
  testId,
}: {
  issues: FieldIssues;
  lang: Lang;
  path: string;
  testId?: string;
}) {
  const styles = useStyles();
  const message = messageFor(issues, path, lang);
  if (message === undefined) return null;
  return (
    <Text size={200} className={styles.error} data-testid={testId}>
      {message}
    </Text>
  );
}
