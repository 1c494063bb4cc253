import { useTranslation } from 'react-i18next';
import type { Notice } from './useLibrary';

/**
 * What the last action of the library did: progress and results in a polite status line, a
 * failure or a refused import (each finding and problem named with where it is) as an alert.
 */
export function NoticeLine(props: { readonly notice: Notice | null }) {
  const { t } = useTranslation('library');
  const { notice } = props;
  return (
    <>
      <p role="status" className={`library-status library-status-${notice?.kind ?? 'none'}`}>
        {notice?.kind === 'progress' || notice?.kind === 'done' ? notice.text(t) : ''}
      </p>
      {notice?.kind === 'failed' && (
        <p role="alert" className="library-error">
          {notice.text(t)}
        </p>
      )}
      {notice?.kind === 'invalid' && (
        <div role="alert" className="library-error library-invalid">
          <p>
            <strong>{t('invalid.title', { name: notice.name })}</strong>
          </p>
          {notice.findings.length > 0 && (
            <>
              <p>{t('invalid.findings')}</p>
              <ul aria-label={t('invalid.findings')}>
                {notice.findings.map((finding) => (
                  <li key={`${finding.path}|${finding.code}|${finding.message}`}>
                    <code>
                      {finding.line === undefined
                        ? finding.path
                        : t('invalid.at', {
                            path: finding.path,
                            line: finding.line,
                            column: finding.column ?? 1,
                          })}
                    </code>
                    : {finding.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {notice.problems.length > 0 && (
            <>
              <p>{t('invalid.problems')}</p>
              <ul aria-label={t('invalid.problems')}>
                {notice.problems.map((problem) => (
                  <li key={`${problem.entry}|${problem.message}`}>
                    <code>{problem.entry}</code>: {problem.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </>
  );
}
