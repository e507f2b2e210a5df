import { useCallback, useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import {
  Button,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ColumnDetection, Lang, Profile, Role } from "../../engine";
import type { PreviewData } from "../profiles/selectionPreview";
import { describeError } from "../describeError";
import type { ColumnMapping, GradeDone, GradingFlow, Inspection, OverwriteChoice, Progress } from "../gradingFlow";
import { t } from "../i18n";
import { MappingSection } from "./MappingSection";
import { OptionsSection } from "./OptionsSection";
import type { GradingOptions } from "./OptionsSection";
import { OverwriteDialog } from "./OverwriteDialog";
import { ProgressSection } from "./ProgressSection";
import { ResultSection } from "./ResultSection";
import { SourceSection } from "./SourceSection";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "480px",
  },
});

export interface ProfileEditorHooks {
  onClose(): void;
  /** The valid profiles saved in the workbook after a change. */
  onChanged(profiles: Profile[]): void;
  /** The data as the pane sees it (the range, columns mapped by hand, the analysis date), for the editor's preview. */
  previewData(): PreviewData | null;
}

export interface AppProps {
  flow: GradingFlow;
  lang: Lang;
  /** Today's date, YYYY-MM-DD: the analysis date of a profile without a default. */
  today: string;
  /** The workbook-profile editor, shown in place of the grading view while open; absent: no "Manage profiles". */
  profileEditor?(hooks: ProfileEditorHooks): ReactNode;
}

function defaultsFor(profile: Profile, today: string): GradingOptions {
  return { profileId: profile.id, asOf: profile.asOf ?? today, windowStart: profile.windowStart ?? "", unit: profile.monetaryUnit };
}

export function App({ flow, lang, today, profileEditor }: AppProps) {
  const styles = useStyles();
  const builtinProfiles = flow.builtinProfiles();
  const [workbookProfiles, setWorkbookProfiles] = useState<Profile[]>([]);
  const profiles = [...builtinProfiles, ...workbookProfiles];
  const [editingProfiles, setEditingProfiles] = useState(false);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [detection, setDetection] = useState<ColumnDetection | null>(null);
  const [manual, setManual] = useState<ColumnMapping>({});
  const [loading, setLoading] = useState(false);
  const [options, setOptions] = useState<GradingOptions>(() => defaultsFor(builtinProfiles[0], today));
  const [latestDate, setLatestDate] = useState<string | null | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [result, setResult] = useState<GradeDone | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [overwrite, setOverwrite] = useState({ open: false, address: "" });
  const answerOverwrite = useRef<((choice: OverwriteChoice) => void) | null>(null);
  const abort = useRef<AbortController | null>(null);
  const busy = progress !== null;

  const refresh = useCallback(async () => {
    setLoading(true);
    setError(null);
    setResult(null);
    setNotice(null);
    try {
      const found = await flow.inspect();
      setInspection(found);
      setManual({});
      setDetection(found.detection);
    } catch (err) {
      setInspection(null);
      setDetection(null);
      setError(describeError(err, lang));
    } finally {
      setLoading(false);
    }
  }, [flow, lang]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    flow.workbookProfiles().then(setWorkbookProfiles, (err: unknown) => setError(describeError(err, lang)));
  }, [flow, lang]);

  // A profile deleted in the editor cannot stay chosen.
  const chosenExists = profiles.some((p) => p.id === options.profileId);
  useEffect(() => {
    if (!chosenExists) setOptions(defaultsFor(builtinProfiles[0], today));
  }, [chosenExists, builtinProfiles, today]);

  const dateColumn = detection?.mapping.date;
  useEffect(() => {
    setLatestDate(undefined);
    if (!inspection || dateColumn === undefined) return;
    let current = true;
    flow.latestDate(inspection.source, dateColumn, inspection.date1904).then(
      (date) => current && setLatestDate(date),
      () => current && setLatestDate(undefined),
    );
    return () => {
      current = false;
    };
  }, [flow, inspection, dateColumn]);

  const changeMapping = (role: Role, column: number) => {
    if (!inspection) return;
    const next = { ...manual, [role]: column };
    setManual(next);
    setDetection(flow.remap(inspection.source.headers, next));
  };

  const changeProfile = (profileId: string) => {
    const profile = profiles.find((p) => p.id === profileId);
    if (profile) setOptions(defaultsFor(profile, today));
  };

  const askOverwrite = (address: string) =>
    new Promise<OverwriteChoice>((resolve) => {
      answerOverwrite.current = resolve;
      setOverwrite({ open: true, address });
    });

  const onOverwriteAnswer = (choice: OverwriteChoice) => {
    setOverwrite((current) => ({ ...current, open: false }));
    answerOverwrite.current?.(choice);
    answerOverwrite.current = null;
  };

  const grade = async () => {
    const profile = profiles.find((p) => p.id === options.profileId);
    if (!inspection || !detection || !profile) return;
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setResult(null);
    setNotice(null);
    setCancelling(false);
    setProgress({ phase: "reading", done: 0, total: inspection.source.rowCount });
    try {
      const outcome = await flow.grade(
        {
          source: inspection.source,
          date1904: inspection.date1904,
          detection,
          profile,
          asOf: options.asOf,
          windowStart: detection.kind === "transactions" ? options.windowStart : undefined,
          unit: options.unit,
          lang,
        },
        { signal: controller.signal, onProgress: setProgress, askOverwrite },
      );
      if (outcome.status === "done") setResult(outcome);
      else setNotice(t(lang, "cancelled"));
    } catch (err) {
      setError(describeError(err, lang));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const cancel = () => {
    setCancelling(true);
    abort.current?.abort();
  };

  const selectRows = (sheetName: string, rows: number[]) => {
    setNotice(null);
    flow.selectRows(sheetName, rows).then(
      (selected) => {
        const [first, last] = selected.selected[0] ?? [0, 0];
        if (selected.limit === "singleArea") setNotice(t(lang, "selectOneBlock", { first, last, more: selected.notSelected }));
        else if (selected.truncated) setNotice(t(lang, "selectTruncated", { rows: selected.rows }));
      },
      (err: unknown) => setError(describeError(err, lang)),
    );
  };

  const canGrade = !busy && !loading && inspection !== null && detection !== null && detection.missing.length === 0;

  if (editingProfiles && profileEditor) {
    return (
      <main className={styles.pane} lang={lang === "zh" ? "zh-CN" : "en-US"}>
        {profileEditor({
          onClose: () => setEditingProfiles(false),
          onChanged: setWorkbookProfiles,
          previewData: () =>
            inspection && detection
              ? { source: inspection.source, date1904: inspection.date1904, detection, asOf: options.asOf }
              : null,
        })}
      </main>
    );
  }

  return (
    <main className={styles.pane} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <Text as="h1" size={500} weight="semibold">
        {t(lang, "title")}
      </Text>
      {error !== null && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "errorTitle")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      <SourceSection lang={lang} inspection={inspection} loading={loading} disabled={busy} onRefresh={() => void refresh()} />
      {inspection && detection && (
        <>
          <MappingSection
            lang={lang}
            headers={inspection.source.headers}
            firstColumn={inspection.source.firstColumn}
            detection={detection}
            disabled={busy}
            onChange={changeMapping}
          />
          <OptionsSection
            lang={lang}
            builtinProfiles={builtinProfiles}
            workbookProfiles={workbookProfiles}
            kind={detection.kind}
            options={options}
            latestDate={latestDate}
            disabled={busy}
            onProfile={changeProfile}
            onChange={(change) => setOptions((current) => ({ ...current, ...change }))}
            onManageProfiles={profileEditor && (() => setEditingProfiles(true))}
          />
          <Button appearance="primary" data-testid="grade" disabled={!canGrade} onClick={() => void grade()}>
            {t(lang, "grade")}
          </Button>
        </>
      )}
      {progress && <ProgressSection lang={lang} progress={progress} cancelling={cancelling} onCancel={cancel} />}
      {notice !== null && (
        <MessageBar intent="info" data-testid="notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <Divider />
          <ResultSection lang={lang} result={result} onSelectRows={selectRows} />
        </>
      )}
      <OverwriteDialog lang={lang} open={overwrite.open} address={overwrite.address} onAnswer={onOverwriteAnswer} />
    </main>
  );
}
