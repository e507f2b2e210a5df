import { useEffect, useRef, useState } from "react";
import { Input, type InputProps } from "@fluentui/react-components";
import { formatDay, formatDisplayDate, parseDateText, parseDisplayDate, type DisplayDateForm } from "../../engine";

/** A YYYY-MM-DD value as the user's Office shows dates (2025/7/1 in Chinese, 7/1/2025 in US English). */
export function displayText(value: string, form: DisplayDateForm): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDateText(value) : null;
  return day === null ? value : formatDisplayDate(day, form);
}

/** What the user typed as the profile stores it: YYYY-MM-DD when it is a date in their form, else the text itself. */
export function storedText(typed: string, form: DisplayDateForm): string {
  if (typed.trim() === "") return "";
  const day = parseDisplayDate(typed, form);
  return day === null ? typed : formatDay(day);
}

export interface DateFieldProps extends Omit<InputProps, "value" | "onChange" | "type" | "form"> {
  /** The profile's value: YYYY-MM-DD, "" for none, or text that is not a date (the engine then says so). */
  value: string;
  form: DisplayDateForm;
  onValue(value: string): void;
}

/**
 * A date typed and shown in the form of Office's display language, not the browser's (a `type="date"` input follows
 * the browser's locale, so a Chinese Office on an English browser would show 07/01/2025).
 */
export function DateField({ value, form, onValue, ...rest }: DateFieldProps) {
  const [text, setText] = useState(() => displayText(value, form));
  const emitted = useRef(value);
  // A value set from outside (another profile loaded) replaces what is shown; the user's own typing does not.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(displayText(value, form));
    }
  }, [value, form]);
  return (
    <Input
      {...rest}
      value={text}
      placeholder={form.pattern}
      onChange={(_, d) => {
        setText(d.value);
        const next = storedText(d.value, form);
        emitted.current = next;
        onValue(next);
      }}
    />
  );
}
