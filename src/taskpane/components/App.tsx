/**
 * The task pane: the data to grade, its columns, the grading settings, Grade and the result; or, while it is open,
 * the workbook-profile editor in its place. The state lives in hooks (src/taskpane/hooks), each for one job; the
 * workbook is reached only through `flow` (the grading flow over the Excel adapter).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { Text } from "@fluentui/react-components";
import { dataPastAnalysisDate, formatDay, localeOf, notATable } from "../../engine";
import type { DisplayDateForm, Lang, Profile } from "../../engine";
import type { PreviewData } from "../profiles/selectionPreview";
import { describeError } from "../describeError";
import { gradeBreakdown } from "../gradeBreakdown";
import type { GradingFlow } from "../gradingFlow";
import { gradeBlockedReason, gradeTarget } from "../gradeReadiness";
import { t } from "../i18n";
import { paneUnitChoice, unitSourceFact } from "../unitChoice";
import { useGradeRun } from "../hooks/useGradeRun";
import { useGradingOptions } from "../hooks/useGradingOptions";
import { useDateColumn } from "../hooks/useDateColumn";
import { useOverwriteQuestion } from "../hooks/useOverwriteQuestion";
import { usePaneMessages } from "../hooks/usePaneMessages";
import { useResultFocus } from "../hooks/useResultFocus";
import { useSelectedTable } from "../hooks/useSelectedTable";
import type { VisibilityEvents } from "../selectionFollowing";
import { useSheetActions } from "../hooks/useSheetActions";
import { useWorkbookProfiles } from "../hooks/useWorkbookProfiles";
import type { HistoryHooks, HistoryOutcome, HistoryRequest } from "../historyFlow";
import { GradeFooter } from "./GradeFooter";
import { HistorySection } from "./HistorySection";
import { MappingSection } from "./MappingSection";
import { OptionsSection, warningText } from "./OptionsSection";
import { OverwriteDialog } from "./OverwriteDialog";
import { MovementLine } from "./MovementLine";
import { NextGradeLine } from "./NextGradeLine";
import { PaneMessageBars } from "./PaneMessageBars";
import { PaneShell } from "./PaneShell";
import { ResultCard } from "./ResultCard";
import { SourceSection } from "./SourceSection";

interface ProfileEditorHooks {
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
  /** Office's "pane hidden / shown" events: selection following pauses while hidden (absent: always follows). */
  visibility?: VisibilityEvents | null;
  /** Grade history of sales records to new sheets (see historyFlow); absent: no "Grade history" section. */
  history?(request: HistoryRequest, hooks: HistoryHooks): Promise<HistoryOutcome>;
}

export function App({ flow, lang, dateForm, profileEditor, visibility, history }: AppProps) {
  const messages = usePaneMessages();
  const { setError, setNotice } = messages;
  const [editingProfiles, setEditingProfiles] = useState(false);
  const manageButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back from the editor, the focus returns to the button that opened it.
  useEffect(() => {
    if (wasEditing.current && !editingProfiles) manageButton.current?.focus();
    wasEditing.current = editingProfiles;
  }, [editingProfiles]);
  const { builtinProfiles, workbookProfiles, profiles, setWorkbookProfiles } = useWorkbookProfiles(
    flow,
    lang,
    setError,
  );
  const table = useSelectedTable(flow, lang, messages, visibility);
  const { inspection, detection, setUserUnit } = table;
  const dates = useDateColumn(flow, inspection, detection?.mapping.date);
  const { latestDay } = dates;
  const forgetUserUnit = useCallback(() => setUserUnit(undefined), [setUserUnit]);
  const settings = useGradingOptions(profiles, builtinProfiles, latestDay, dateForm, forgetUserUnit);
  const { options, profile, asOfDay, windowDay, warning } = settings;
  const overwrite = useOverwriteQuestion();
  const run = useGradeRun(flow, lang, messages, { askOverwrite: overwrite.ask, askProtected: overwrite.askProtected });
  const { headingRef, announcement } = useResultFocus(run.result, lang);
  const sheet = useSheetActions(flow, lang, table, messages);
  const busy = run.progress !== null;
  // A stray cell, one row or one column is no table: guidance instead of columns to choose (a header row alone keeps them).
  const notTable = inspection ? notATable(inspection.source.headers, inspection.source.rowCount) : null;
  const isTable = notTable === null || notTable === "headerOnly" || notTable === "empty";

  // The unit amounts are read in: the user's pick, else the money column's header, else the profile (engine rule).
  const profileUnit = (profile ?? builtinProfiles[0]).monetaryUnit;
  const unitChoice =
    inspection && detection ? paneUnitChoice(inspection.source.headers, detection, profileUnit, table.userUnit) : null;

  const grade = async () => {
    if (!inspection || !detection || !profile || !unitChoice || asOfDay === null) return;
    setError(null);
    setNotice(null);
    if (!(await table.confirmStillSelected())) return;
    const runWarning =
      warning && latestDay !== null && latestDay !== undefined ? warningText(lang, warning, latestDay, dateForm) : null;
    await run.start(
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
      { asOfWarning: runWarning, asOfChosenBy: options.asOfOrigin === "profile" ? "profile" : "user" },
    );
  };

  // Grade history: the same table, columns, profile, sales start and unit as Grade; period ends instead of one date.
  const gradeHistory = async (step: "month" | "quarter", from: string, to: string) => {
    if (!history || !inspection || !detection || !profile || !unitChoice) return;
    setError(null);
    setNotice(null);
    if (!(await table.confirmStillSelected())) return;
    try {
      const outcome = await history(
        {
          source: inspection.source,
          date1904: inspection.date1904,
          detection,
          profile,
          step,
          from,
          to,
          windowStart: windowDay !== null ? formatDay(windowDay) : undefined,
          unit: unitChoice.unit,
          unitSource: unitSourceFact(unitChoice),
          lang,
        },
        {},
      );
      if (outcome.status === "done") {
        const { sheets, periods } = outcome;
        messages.tellNotice(
          t(lang, "historyDone", { ...sheets, customers: sheets.customers.toLocaleString(localeOf(lang)), periods }),
        );
      } else messages.tellNotice(t(lang, "cancelled"));
    } catch (err) {
      messages.tellError(describeError(err, lang));
    }
  };

  if (editingProfiles && profileEditor) {
    return (
      <PaneShell lang={lang} view="editor">
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
      </PaneShell>
    );
  }

  const result = run.result;
  const reason = gradeBlockedReason(
    {
      busy,
      loading: table.loading,
      inspection,
      detection,
      asOfText: options.asOfText,
      asOfDay,
      latestDay,
      windowInvalid: settings.windowInvalid,
      profileChosen: profile !== undefined,
      notTable,
      fixedDateUndecided: settings.fixedDateUndecided,
      dateForm,
    },
    lang,
  );
  return (
    <PaneShell
      lang={lang}
      view="grading"
      announcement={messages.attention?.bar === "notice" && messages.notice !== null ? messages.notice : announcement}
      alert={messages.attention?.bar === "error" ? messages.error : null}
      footer={
        <GradeFooter
          lang={lang}
          target={gradeTarget(isTable ? inspection : null, lang)}
          reason={reason}
          progress={run.progress}
          cancelling={run.cancelling}
          onGrade={() => void grade()}
          onCancel={run.cancel}
        />
      }
      dialogs={
        <OverwriteDialog
          lang={lang}
          open={overwrite.open}
          kind={overwrite.kind}
          address={overwrite.where}
          onAnswer={overwrite.answer}
        />
      }
    >
      <Text as="h1" size={500} weight="semibold" tabIndex={-1} data-testid="pane-title">
        {t(lang, "title")}
      </Text>
      <PaneMessageBars lang={lang} messages={messages} />
      {result && (
        <ResultCard
          ref={headingRef}
          lang={lang}
          result={result.done}
          breakdown={gradeBreakdown(result.done.result, lang)}
          asOfWarning={result.asOfWarning}
          dataPast={dataPastAnalysisDate(result.done.result, result.asOfChosenBy)}
          dateForm={dateForm}
          onSelectResults={() => sheet.selectAddress(result.done.written.address)}
          onOpenSummary={() => result.done.summarySheet !== null && sheet.showSheet(result.done.summarySheet)}
          onSelectRows={sheet.selectRows}
          movement={
            <>
              {result.done.migration && (
                <MovementLine
                  lang={lang}
                  migration={result.done.migration}
                  movedDownRows={result.done.movedDownRows ?? []}
                  sheetName={result.done.sourceSheet}
                  onSelectRows={sheet.selectRows}
                />
              )}
              <NextGradeLine lang={lang} result={result.done.result} />
            </>
          }
        />
      )}
      <SourceSection
        lang={lang}
        inspection={inspection}
        loading={table.loading}
        disabled={busy}
        problem={table.problem}
        notTable={notTable}
        onRefresh={() => void table.refresh()}
        onTrySample={sheet.trySample}
      />
      {inspection && detection && isTable && (
        <>
          <MappingSection
            lang={lang}
            headers={inspection.source.headers}
            firstColumn={inspection.source.firstColumn}
            detection={detection}
            disabled={busy}
            onChange={table.changeMapping}
            onKind={table.changeKind}
          />
          <OptionsSection
            lang={lang}
            form={dateForm}
            builtinProfiles={builtinProfiles}
            workbookProfiles={workbookProfiles}
            kind={detection.kind}
            options={{ ...options, userUnit: table.userUnit }}
            unitChoice={unitChoice}
            profileUnit={profileUnit}
            latestDay={latestDay}
            dateDays={dates.days}
            fixedDateUndecided={settings.fixedDateUndecided}
            onDecideFixedDate={settings.decideFixedDate}
            asOfInvalid={settings.asOfInvalid}
            windowInvalid={settings.windowInvalid}
            warning={warning}
            disabled={busy}
            onProfile={(id) => settings.changeProfile(id) && forgetUserUnit()}
            onChange={(change) => {
              // The unit belongs to the table (another table's header decides again); the rest to the settings.
              const { userUnit, ...rest } = change;
              if ("userUnit" in change) setUserUnit(userUnit);
              if (Object.keys(rest).length > 0) settings.change(rest);
            }}
            onManageProfiles={profileEditor && (() => setEditingProfiles(true))}
            manageRef={manageButton}
          />
          {history && detection.kind === "transactions" && (
            <HistorySection
              lang={lang}
              form={dateForm}
              lastMonth={asOfDay === null ? null : formatDay(asOfDay).slice(0, 7)}
              disabled={busy || !profile || !unitChoice || reason !== null}
              onRun={gradeHistory}
            />
          )}
        </>
      )}
    </PaneShell>
  );
}
