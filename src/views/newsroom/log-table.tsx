// The table of an activity log (the audit log, the moderation log): when, who, what, on what, details.
// One component so both logs read the same way and keep the same accessible structure.
import type { ComponentChildren } from 'preact';
import type { NewsroomViewContext } from './newsroom-context.js';

export interface LogRow {
  readonly id: number;
  readonly at: number;
  readonly who: ComponentChildren;
  readonly action: string;
  readonly target: ComponentChildren;
  readonly detail: ComponentChildren;
}

export interface LogHeadings {
  readonly when: string;
  readonly who: string;
  readonly action: string;
  readonly target: string;
  readonly detail: string;
}

export function LogTable({ ctx, caption, headings, rows, className }: { ctx: NewsroomViewContext; caption?: string; headings: LogHeadings; rows: readonly LogRow[]; className?: string }) {
  return (
    <table class={className ? `nr-table ${className}` : 'nr-table'}>
      {caption ? <caption class="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{headings.when}</th>
          <th scope="col">{headings.who}</th>
          <th scope="col">{headings.action}</th>
          <th scope="col">{headings.target}</th>
          <th scope="col">{headings.detail}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <time dateTime={ctx.fmt.iso(r.at)}>{ctx.fmt.dateTime(r.at)}</time>
            </td>
            <td>{r.who}</td>
            <td>
              <code dir="ltr">{r.action}</code>
            </td>
            <td>{r.target}</td>
            <td dir="auto">{r.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
