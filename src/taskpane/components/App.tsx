import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  analysisDateWarning,
  formatDay,
  formatDisplayDate,
  parseDateText,
  parseDisplayDate,
  proposedAnalysisDate,
} from "../../engine";
import type { ColumnDetection, DisplayDateForm, InputKind, Lang, Profile, Role } from "../../engine";
import { ExcelAdapterError } from "../../excel";
import type { PreviewData } from "../profiles/selectionPreview";
import { describeError, roleList } from "../describeError";
import { gradeBreakdown } from "../gradeBreakdown";
import type { ColumnMapping, GradeDone, GradingFlow, Inspection, OverwriteChoice, Progress } from "../gradingFlow";
import { t } from "../i18n";
import { paneUnitChoice, unitSourceFact } from "../unitChoice";
import { isSameTable } from "../sameTable";
import { createSelectionFollower } from "../selectionFollower";
import type { SelectionFollower } from "../selectionFollower";
import { GradeFooter } from "./GradeFooter";
import { MappingSection } from "./MappingSection";
import { OptionsSection, warningText } from "./OptionsSection";
import type { GradingOptions } from "./OptionsSection";
import { OverwriteDialog } from "./OverwriteDialog";
import { MovementLine } from "./MovementLine";
import { ResultCard } from "./ResultCard";
import { SourceSection, formatCount } from "./SourceSection";
import type { SourceProblem } from "./SourceSection";

const useStyles = makeStyles({
  // The pane is a column: a scrolling body and a footer that never leaves the screen.
  shell: { display: "flex", flexDirection: "column", height: "100vh", minWidth: 0, overflow: "hidden" },
  body: {
    flex: "1 1 auto",
    overflowY: "auto",
    overflowX: "hidden",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    // In a scrolling column, sections keep their height: without this the result card (overflow hidden) would be
    // squeezed to its heading when the page is taller than the pane.
    "& > *": { flexShrink: 0 },
  },
  editor: { flex: "1 1 auto", overflowY: "auto", overflowX: "hidden", padding: tokens.spacingHorizontalM, minWidth: 0 },
  // Read by screen readers, not shown: the live region that announces the result.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
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
  /** How dates are shown and typed in this pane (Office's display language). */
  dateForm: DisplayDateForm;
  /** The workbook-profile editor, shown in place of the grading view while open; absent: no "Manage profiles". */
  profileEditor?(hooks: ProfileEditorHooks): ReactNode;
}

function optionsFor(profile: Profile, latestDay: number | null | undefined, form: DisplayDateForm): GradingOptions {
  const proposed = proposedAnalysisDate(profile, latestDay ?? null);
  const windowDay = profile.windowStart === undefined ? null : parseDateText(profile.windowStart);
  return {
    profileId: profile.id,
    asOfText: proposed.day === null ? "" : formatDisplayDate(proposed.day, form),
    asOfOrigin: proposed.source,
    windowStartText: windowDay === null ? "" : formatDisplayDate(windowDay, form),
  };
}

/** The problem of an inspection failure: guidance for a selection that is empty or split, null for a real failure. */
function sourceProblem(err: unknown, lang: Lang): SourceProblem {
  if (err instanceof ExcelAdapterError && (err.code === "emptySource" || err.code === "multipleAreas")) {
    return { kind: err.code === "emptySource" ? "empty" : "multiple", message: err.text[lang] };
  }
  return null;
}

export function App({ flow, lang, dateForm, profileEditor }: AppProps) {
  const styles = useStyles();
  const [announcement, setAnnouncement] = useState("");
  const builtinProfiles = flow.builtinProfiles();
  const [workbookProfiles, setWorkbookProfiles] = useState<Profile[]>([]);
  const profiles = useMemo(() => [...builtinProfiles, ...workbookProfiles], [builtinProfiles, workbookProfiles]);
  const [editingProfiles, setEditingProfiles] = useState(false);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [detection, setDetection] = useState<ColumnDetection | null>(null);
  const [manual, setManual] = useState<ColumnMapping>({});
  const [kind, setKind] = useState<InputKind | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<SourceProblem>(null);
  const [latestDay, setLatestDay] = useState<number | null | undefined>(undefined);
  const [options, setOptions] = useState<GradingOptions>(() => optionsFor(builtinProfiles[0], undefined, dateForm));
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [result, setResult] = useState<{ done: GradeDone; asOfWarning: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [overwrite, setOverwrite] = useState({ open: false, address: "" });
  const answerOverwrite = useRef<((choice: OverwriteChoice) => void) | null>(null);
  const abort = useRef<AbortController | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const follower = useRef<SelectionFollower | null>(null);
  const shownAddress = useRef<string | null>(null);
  const busy = progress !== null;

  /** Shows what an inspection found; the columns chosen by hand stay only while the range is the same. */
  const show = useCallback((found: Inspection) => {
    const sameRange = shownAddress.current === found.source.address;
    shownAddress.current = found.source.address;
    setInspection(found);
    setProblem(null);
    if (!sameRange) {
      setManual({});
      setKind(undefined);
      setDetection(found.detection);
      // A unit picked for another table is not carried over: this table's header (or the profile) decides again.
      setOptions((current) => (current.userUnit === undefined ? current : { ...current, userUnit: undefined }));
    }
  }, []);

  const refresh = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      show(await flow.inspect());
    } catch (err) {
      shownAddress.current = null;
      setInspection(null);
      setDetection(null);
      const guidance = sourceProblem(err, lang);
      setProblem(guidance);
      if (!guidance) setError(describeError(err, lang));
    } finally {
      setLoading(false);
    }
  }, [flow, lang, show]);

  // Follow Excel's selection: one handler, throttled looks (see selectionFollower), removed when the pane goes.
  useEffect(() => {
    const following = createSelectionFollower(refresh);
    follower.current = following;
    void refresh();
    // Without the event (an Excel older than ExcelApi 1.7) the pane still works: Refresh and the check at Grade time.
    const watching = flow.watchSelection(() => following.notify()).catch(() => null);
    return () => {
      following.dispose();
      void watching.then((watch) => watch?.stop().catch(() => undefined));
    };
  }, [flow, refresh]);

  useEffect(() => {
    flow.workbookProfiles().then(setWorkbookProfiles, (err: unknown) => setError(describeError(err, lang)));
  }, [flow, lang]);

  // A profile deleted in the editor cannot stay chosen.
  const chosenExists = profiles.some((p) => p.id === options.profileId);
  useEffect(() => {
    if (!chosenExists) setOptions(optionsFor(builtinProfiles[0], latestDay, dateForm));
  }, [chosenExists, builtinProfiles, latestDay, dateForm]);

  const dateColumn = detection?.mapping.date;
  useEffect(() => {
    setLatestDay(undefined);
    if (!inspection || dateColumn === undefined) return;
    let current = true;
    flow.latestDate(inspection.source, dateColumn, inspection.date1904).then(
      (date) => current && setLatestDay(date === null ? null : parseDateText(date)),
      () => current && setLatestDay(null),
    );
    return () => {
      current = false;
    };
  }, [flow, inspection, dateColumn]);

  // A proposed analysis date follows the data (and the profile); one the user typed stays as typed.
  const profile = profiles.find((p) => p.id === options.profileId);
  useEffect(() => {
    if (!profile) return;
    setOptions((current) => {
      if (current.asOfOrigin === "user") return current;
      const proposed = proposedAnalysisDate(profile, latestDay ?? null);
      const asOfText = proposed.day === null ? "" : formatDisplayDate(proposed.day, dateForm);
      return current.asOfText === asOfText && current.asOfOrigin === proposed.source ? current : { ...current, asOfText, asOfOrigin: proposed.source };
    });
  }, [profile, latestDay, dateForm]);

  // The result comes into view, takes focus and is announced once it is on screen.
  useEffect(() => {
    if (!result) return;
    const heading = resultHeading.current;
    // The whole card comes into view (its top edge included), then its heading takes the focus without scrolling again.
    (heading?.closest("[data-testid=result]") ?? heading)?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
    const { summary } = result.done;
    const counts = summary.gradeCounts.map(({ grade, count }) => `${grade} ${formatCount(count, lang)}`).join(lang === "zh" ? "，" : ", ");
    // A polite live region that is always in the page (a region added together with its text is often not read).
    setAnnouncement(t(lang, "resultAnnounce", { graded: formatCount(summary.graded, lang), rows: formatCount(summary.rows, lang), counts }));
  }, [result, lang]);

  const changeMapping = (role: Role, column: number) => {
    if (!inspection) return;
    const next = { ...manual, [role]: column };
    setManual(next);
    setDetection(flow.remap(inspection.source.headers, next, kind));
  };

  const changeKind = (next: InputKind) => {
    if (!inspection) return;
    setKind(next);
    setDetection(flow.remap(inspection.source.headers, manual, next));
  };

  const changeProfile = (profileId: string) => {
    const chosen = profiles.find((p) => p.id === profileId);
    // A new profile brings its own dates and unit; how the results are written (values or formulas) stays the user's.
    if (chosen) setOptions((current) => ({ ...optionsFor(chosen, latestDay, dateForm), liveFormulas: current.liveFormulas }));
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

  const asOfDay = parseDisplayDate(options.asOfText, dateForm);
  const windowDay = options.windowStartText.trim() === "" ? null : parseDisplayDate(options.windowStartText, dateForm);
  const asOfInvalid = options.asOfText.trim() !== "" && asOfDay === null;
  const windowInvalid = options.windowStartText.trim() !== "" && windowDay === null;
  const warning = asOfDay === null ? null : analysisDateWarning(asOfDay, latestDay ?? null);
  // The unit amounts are read in: the user's pick, else the money column's header, else the profile (engine rule).
  const profileUnit = (profile ?? builtinProfiles[0]).monetaryUnit;
  const unitChoice = inspection && detection ? paneUnitChoice(inspection.source.headers, detection, profileUnit, options.userUnit) : null;

  const grade = async () => {
    if (!inspection || !detection || !profile || !unitChoice || asOfDay === null) return;
    setError(null);
    setNotice(null);
    // Never grade a range other than the one shown: look at the selection again (unless the pane made it itself,
    // to show rows to the user) and, if it moved, show the new range instead of grading. The shown table grown by
    // the add-in's own result columns is the same table: grading again updates them in place at the first click.
    if (!follower.current?.ownSelection) {
      try {
        const now = await flow.inspect();
        if (!isSameTable(inspection.source, now.source)) {
          shownAddress.current = null;
          show(now);
          setNotice(t(lang, "rangeChanged", { address: now.source.address }));
          return;
        }
      } catch (err) {
        await refresh();
        if (!sourceProblem(err, lang)) setError(describeError(err, lang));
        return;
      }
    }
    const controller = new AbortController();
    abort.current = controller;
    setResult(null);
    setAnnouncement("");
    setCancelling(false);
    setProgress({ phase: "reading", done: 0, total: inspection.source.rowCount });
    const runWarning = warning && latestDay !== null && latestDay !== undefined ? warningText(lang, warning, latestDay, dateForm) : null;
    try {
      const outcome = await flow.grade(
        {
          source: inspection.source,
          date1904: inspection.date1904,
          detection,
          profile,
          asOf: formatDay(asOfDay),
          windowStart: detection.kind === "transactions" && windowDay !== null ? formatDay(windowDay) : undefined,
          unit: unitChoice.unit,
          unitSource: unitSourceFact(unitChoice),
          lang,
          liveFormulas: options.liveFormulas === true,
        },
        { signal: controller.signal, onProgress: setProgress, askOverwrite },
      );
      if (outcome.status === "done") setResult({ done: outcome, asOfWarning: runWarning });
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

  /** The pane's own selecting: shown to the user, not followed as a new range to grade. */
  const selectOurselves = (action: () => Promise<unknown>) => {
    setNotice(null);
    const run = follower.current ? follower.current.whileSelectingOurselves(action) : action();
    run.catch((err: unknown) => setError(describeError(err, lang)));
  };

  const selectRows = (sheetName: string, rows: number[]) =>
    selectOurselves(async () => {
      const selected = await flow.selectRows(sheetName, rows);
      const [first, last] = selected.selected[0] ?? [0, 0];
      if (selected.limit === "singleArea") {
        setNotice(t(lang, "selectOneBlock", { first, last, more: formatCount(selected.notSelected, lang) }));
      } else if (selected.truncated) setNotice(t(lang, "selectTruncated", { rows: formatCount(selected.rows, lang) }));
    });

  const trySample = () => {
    setError(null);
    flow.addSample(lang).then(
      (sheet) => {
        setNotice(t(lang, "sampleAdded", { sheet }));
        return refresh();
      },
      (err: unknown) => setError(describeError(err, lang)),
    );
  };

  const disabledReason = (): string | null => {
    if (busy) return null;
    if (loading && !inspection) return t(lang, "reasonLoading");
    if (!inspection || !detection) return t(lang, "reasonNoSource");
    if (inspection.source.rowCount === 0) return t(lang, "reasonNoRows");
    if (detection.missing.length > 0) return t(lang, "reasonMissing", { roles: roleList(detection.missing, lang, detection.kind) });
    if (asOfDay === null) {
      return options.asOfText.trim() === "" && latestDay === undefined && dateColumn !== undefined
        ? t(lang, "reasonAsOfWaiting")
        : t(lang, "reasonAsOf", { pattern: dateForm.pattern });
    }
    if (windowInvalid) return t(lang, "reasonWindow", { pattern: dateForm.pattern });
    if (!profile) return t(lang, "reasonNoSource");
    return null;
  };

  const target = inspection
    ? t(lang, inspection.source.rowCount === 1 ? "willGradeOne" : "willGrade", {
        address: inspection.source.address,
        rows: formatCount(inspection.source.rowCount, lang),
      })
    : t(lang, "noRange");

  const htmlLang = lang === "zh" ? "zh-CN" : "en-US";

  if (editingProfiles && profileEditor) {
    return (
      <div className={styles.shell} lang={htmlLang}>
        <main className={styles.editor}>
          {profileEditor({
            onClose: () => setEditingProfiles(false),
            onChanged: setWorkbookProfiles,
            previewData: () =>
              inspection && detection && asOfDay !== null
                ? {
                    source: inspection.source,
                    date1904: inspection.date1904,
                    detection,
                    asOf: formatDay(asOfDay),
                    // The data's unit (the user's pick or the header's) holds for any profile; else the edited profile's own.
                    unit: unitChoice && unitChoice.source !== "profile" ? unitChoice.unit : undefined,
                  }
                : null,
          })}
        </main>
      </div>
    );
  }

  return (
    <div className={styles.shell} lang={htmlLang}>
      <main className={styles.body} data-testid="pane-body">
        <Text as="h1" size={500} weight="semibold">
          {t(lang, "title")}
        </Text>
        {error !== null && (
          <MessageBar intent="error" layout="multiline" data-testid="error">
            <MessageBarBody>
              <MessageBarTitle>{t(lang, "errorTitle")}</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {notice !== null && (
          <MessageBar intent="info" layout="multiline" data-testid="notice">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {result && (
          <ResultCard
            ref={resultHeading}
            lang={lang}
            result={result.done}
            breakdown={gradeBreakdown(result.done.result, lang)}
            asOfWarning={result.asOfWarning}
            onSelectResults={() => selectOurselves(() => flow.selectAddress(result.done.written.address))}
            onOpenSummary={() => result.done.summarySheet !== null && selectOurselves(() => flow.showSheet(result.done.summarySheet as string))}
            onSelectRows={selectRows}
            movement={
              result.done.migration && (
                <MovementLine
                  lang={lang}
                  migration={result.done.migration}
                  movedDownRows={result.done.movedDownRows ?? []}
                  sheetName={result.done.sourceSheet}
                  onSelectRows={selectRows}
                />
              )
            }
          />
        )}
        <SourceSection
          lang={lang}
          inspection={inspection}
          loading={loading}
          disabled={busy}
          problem={problem}
          onRefresh={() => void refresh()}
          onTrySample={trySample}
        />
        {inspection && detection && (
          <>
            <MappingSection
              lang={lang}
              headers={inspection.source.headers}
              firstColumn={inspection.source.firstColumn}
              detection={detection}
              disabled={busy}
              onChange={changeMapping}
              onKind={changeKind}
            />
            <OptionsSection
              lang={lang}
              form={dateForm}
              builtinProfiles={builtinProfiles}
              workbookProfiles={workbookProfiles}
              kind={detection.kind}
              options={options}
              unitChoice={unitChoice}
              profileUnit={profileUnit}
              latestDay={latestDay}
              asOfInvalid={asOfInvalid}
              windowInvalid={windowInvalid}
              warning={warning}
              disabled={busy}
              onProfile={changeProfile}
              onChange={(change) => setOptions((current) => ({ ...current, ...change }))}
              onManageProfiles={profileEditor && (() => setEditingProfiles(true))}
            />
          </>
        )}
      </main>
      <GradeFooter
        lang={lang}
        target={target}
        reason={disabledReason()}
        progress={progress}
        cancelling={cancelling}
        onGrade={() => void grade()}
        onCancel={cancel}
      />
      <div className={styles.visuallyHidden} role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>
      <OverwriteDialog lang={lang} open={overwrite.open} address={overwrite.address} onAnswer={onOverwriteAnswer} />
    </div>
  );
}
