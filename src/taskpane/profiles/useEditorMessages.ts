import { useState } from "react";
import type { ProfileIssue } from "../../engine";

/** A file the workbook refused to import, and why. */
interface ImportProblem {
  file: string;
  issues: ProfileIssue[];
}

/** What the editor tells the user: what was done (notice), what failed (error), a file that was refused. */
export interface EditorMessages {
  notice: string | null;
  error: string | null;
  importProblem: ImportProblem | null;
  setNotice(message: string | null): void;
  setError(message: string | null): void;
  setImportProblem(problem: ImportProblem | null): void;
}

export function useEditorMessages(): EditorMessages {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importProblem, setImportProblem] = useState<ImportProblem | null>(null);
  return { notice, error, importProblem, setNotice, setError, setImportProblem };
}
