import type { Finding } from '@shared/scenario';
import { jsonPath } from '@shared/scenario/format/findings';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultValue,
  describeVariants,
  humanise,
  type JsonSchema,
  jsonType,
  matchVariant,
  type PathSegment,
  resolveSchema,
  singular,
  switchVariant,
  variantsOf,
} from './schema';

/** What every field of the form shares: the schema, the findings by path, and how to change the document. */
export interface FormContextValue {
  readonly root: JsonSchema;
  /** The findings of the validator, by JSON path. */
  readonly findings: ReadonlyMap<string, ReadonlyArray<Finding>>;
  /** Sets the value at a path; `undefined` removes an object's property. */
  readonly onSet: (segments: ReadonlyArray<PathSegment>, value: unknown) => void;
  readonly readOnly: boolean;
  /** Help text for a field whose schema has no description. */
  readonly helpFor?: (segments: ReadonlyArray<PathSegment>) => string | undefined;
}

const FormContext = createContext<FormContextValue | null>(null);

function useForm(): FormContextValue {
  const context = useContext(FormContext);
  if (context === null) throw new Error('a schema field outside a SchemaForm');
  return context;
}

/** The element id of the field at a path. */
export function fieldId(segments: ReadonlyArray<PathSegment>): string {
  return `field${segments.map((s) => `-${String(s).replace(/[^A-Za-z0-9]/g, '_')}`).join('')}`;
}

/** Provides the schema, findings and change handler to the fields below. */
export function SchemaForm(props: FormContextValue & { readonly children: ReactNode }) {
  const { children, ...context } = props;
  return <FormContext.Provider value={context}>{children}</FormContext.Provider>;
}

interface FieldProps {
  readonly schema: JsonSchema;
  readonly segments: ReadonlyArray<PathSegment>;
  readonly value: unknown;
  readonly label: string;
  /** Shown only when the property is optional and present: removes it. */
  readonly onRemove?: () => void;
  /** Buttons of a list item (move up, move down, remove). */
  readonly itemControls?: ReactNode;
}

/** The findings at one path, listed under its field, with the id its field's aria-describedby names. */
function FieldFindings(props: { readonly findings: ReadonlyArray<Finding>; readonly id: string }) {
  if (props.findings.length === 0) return null;
  return (
    <ul className="editor-field-findings" id={props.id}>
      {props.findings.map((f, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two findings may share code and message
        <li key={`${f.code}-${index}`} className={`finding-${f.severity}`}>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

function useFieldFindings(segments: ReadonlyArray<PathSegment>): {
  readonly path: string;
  readonly findings: ReadonlyArray<Finding>;
  readonly invalid: boolean;
} {
  const { findings } = useForm();
  const path = jsonPath(segments);
  const here = findings.get(path) ?? [];
  return { path, findings: here, invalid: here.some((f) => f.severity === 'error') };
}

function describedBy(...ids: ReadonlyArray<string | null | false>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length === 0 ? undefined : list.join(' ');
}

/** Any value of the format, as its schema says: the one entry point of the generic form. */
export function SchemaField(props: FieldProps) {
  const { root } = useForm();
  const schema = resolveSchema(props.schema, root);
  const variants = variantsOf(schema);
  if (variants !== null) return <VariantField {...props} schema={schema} variants={variants} />;
  if (schema.const !== undefined) return <ConstField {...props} schema={schema} />;
  if (schema.enum !== undefined) return <EnumField {...props} schema={schema} />;
  switch (schema.type) {
    case 'object':
      return <ObjectField {...props} schema={schema} />;
    case 'array':
      return <ArrayField {...props} schema={schema} />;
    case 'string':
      return <TextField {...props} schema={schema} />;
    case 'number':
    case 'integer':
      return <NumberField {...props} schema={schema} />;
    case 'boolean':
      return <BooleanField {...props} schema={schema} />;
    default:
      return <RawField {...props} schema={schema} />;
  }
}

/** Removes an optional field or a group from the document. */
function RemoveButton(props: { readonly field: string; readonly onRemove: () => void }) {
  const { t } = useTranslation('editor');
  const { readOnly } = useForm();
  return (
    <button
      type="button"
      className="editor-remove"
      disabled={readOnly}
      onClick={props.onRemove}
      aria-label={t('form.removeField', { field: props.field })}
    >
      {t('form.remove')}
    </button>
  );
}

function FieldRow(props: {
  readonly id: string;
  readonly label: string;
  readonly help: string | undefined;
  readonly helpId: string;
  readonly findings: ReadonlyArray<Finding>;
  readonly findingsId: string;
  readonly onRemove?: () => void;
  readonly itemControls?: ReactNode;
  readonly children: ReactNode;
  readonly inline?: boolean;
}) {
  return (
    <div className={`editor-field${props.inline ? ' editor-field-inline' : ''}`}>
      {props.inline ? null : <label htmlFor={props.id}>{props.label}</label>}
      <div className="editor-field-control">
        {props.children}
        {props.inline ? <label htmlFor={props.id}>{props.label}</label> : null}
        {props.itemControls}
        {props.onRemove === undefined ? null : <RemoveButton field={props.label} onRemove={props.onRemove} />}
      </div>
      {props.help === undefined ? null : (
        <p className="editor-help" id={props.helpId}>
          {props.help}
        </p>
      )}
      <FieldFindings findings={props.findings} id={props.findingsId} />
    </div>
  );
}

function useHelp(schema: JsonSchema, segments: ReadonlyArray<PathSegment>): string | undefined {
  const { helpFor } = useForm();
  return schema.description ?? helpFor?.(segments);
}

/**
 * What a field's row and its control share: the row's label, help, findings and item controls,
 * and the control's id, path and the aria attributes that point at the help and the findings.
 * `help` replaces the schema's help text.
 */
function useField(props: FieldProps, help?: string) {
  const { path, findings, invalid } = useFieldFindings(props.segments);
  const id = fieldId(props.segments);
  const schemaHelp = useHelp(props.schema, props.segments);
  const shownHelp = help ?? schemaHelp;
  return {
    row: {
      id,
      label: props.label,
      help: shownHelp,
      helpId: `${id}-help`,
      findings,
      findingsId: `${id}-findings`,
      onRemove: props.onRemove,
      itemControls: props.itemControls,
    },
    control: {
      id,
      'data-path': path,
      'aria-invalid': invalid || undefined,
      'aria-describedby': describedBy(
        shownHelp !== undefined && `${id}-help`,
        findings.length > 0 && `${id}-findings`,
      ),
    },
  };
}

function TextField(props: FieldProps) {
  const { onSet, readOnly } = useForm();
  const field = useField(props);
  const value = typeof props.value === 'string' ? props.value : '';
  const long = (props.schema.maxLength ?? 0) >= 400;
  const common = { ...field.control, value, readOnly, maxLength: undefined };
  return (
    <FieldRow {...field.row}>
      {long ? (
        <textarea {...common} rows={4} onChange={(event) => onSet(props.segments, event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => onSet(props.segments, event.target.value)} />
      )}
    </FieldRow>
  );
}

function NumberField(props: FieldProps) {
  const { onSet, readOnly } = useForm();
  const field = useField(props);
  const outside = typeof props.value === 'number' ? String(props.value) : '';
  // What the trainer typed ("1." on the way to "1.5") stays while it means the document's number.
  const [typed, setTyped] = useState(outside);
  const shown = Number(typed) === Number(outside) && typed.trim() !== '' && outside !== '' ? typed : outside;
  const { schema } = props;
  return (
    <FieldRow {...field.row}>
      <input
        {...field.control}
        type="number"
        inputMode="decimal"
        value={shown}
        readOnly={readOnly}
        min={schema.minimum ?? schema.exclusiveMinimum}
        max={schema.maximum ?? schema.exclusiveMaximum}
        step={schema.type === 'integer' ? 1 : 'any'}
        onChange={(event) => {
          const text = event.target.value;
          setTyped(text);
          if (text.trim() === '') onSet(props.segments, undefined);
          else if (Number.isFinite(Number(text))) onSet(props.segments, Number(text));
        }}
      />
    </FieldRow>
  );
}

function BooleanField(props: FieldProps) {
  const { onSet, readOnly } = useForm();
  const field = useField(props);
  return (
    <FieldRow {...field.row} inline>
      <input
        {...field.control}
        type="checkbox"
        checked={props.value === true}
        disabled={readOnly}
        onChange={(event) => onSet(props.segments, event.target.checked)}
      />
    </FieldRow>
  );
}

function EnumField(props: FieldProps) {
  const { t } = useTranslation('editor');
  const { onSet, readOnly } = useForm();
  const field = useField(props);
  const choices = props.schema.enum ?? [];
  const index = choices.findIndex((choice) => choice === props.value);
  return (
    <FieldRow {...field.row}>
      <select
        {...field.control}
        value={index < 0 ? '' : String(index)}
        disabled={readOnly}
        onChange={(event) =>
          onSet(props.segments, event.target.value === '' ? undefined : choices[Number(event.target.value)])
        }
      >
        {index < 0 ? <option value="">{t('form.choose')}</option> : null}
        {choices.map((choice, i) => (
          <option key={String(choice)} value={String(i)}>
            {String(choice)}
          </option>
        ))}
      </select>
    </FieldRow>
  );
}

function ConstField(props: FieldProps) {
  const { row, control } = useField(props);
  // A constant has no remove button of its own.
  return (
    <FieldRow {...row} onRemove={undefined}>
      <output id={control.id} data-path={control['data-path']} tabIndex={-1} className="editor-const">
        {JSON.stringify(props.schema.const)}
      </output>
    </FieldRow>
  );
}

/** A value the form has no control for: edited as JSON text. */
function RawField(props: FieldProps) {
  const { t } = useTranslation('editor');
  const { onSet, readOnly } = useForm();
  const field = useField(props, t('form.rawHelp'));
  const text = JSON.stringify(props.value ?? null, null, 2);
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <FieldRow {...field.row}>
      <textarea
        {...field.control}
        value={draft ?? text}
        readOnly={readOnly}
        rows={3}
        onChange={(event) => {
          setDraft(event.target.value);
          try {
            onSet(props.segments, JSON.parse(event.target.value));
            setDraft(null);
          } catch {
            // Kept as typed until it is JSON.
          }
        }}
      />
    </FieldRow>
  );
}

/** A fieldset with a legend, its findings, and the controls of a list item or optional field. */
function Group(props: {
  readonly segments: ReadonlyArray<PathSegment>;
  readonly legend: string;
  readonly help?: string;
  readonly extraFindings?: ReadonlyArray<Finding>;
  readonly onRemove?: () => void;
  readonly itemControls?: ReactNode;
  readonly children: ReactNode;
}) {
  const { path, findings, invalid } = useFieldFindings(props.segments);
  const id = fieldId(props.segments);
  const all = [...findings, ...(props.extraFindings ?? [])];
  return (
    <fieldset
      className="editor-group"
      id={id}
      data-path={path}
      tabIndex={-1}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy(
        props.help !== undefined && `${id}-help`,
        all.length > 0 && `${id}-findings`,
      )}
    >
      <legend>{props.legend}</legend>
      {props.itemControls || props.onRemove ? (
        <div className="editor-group-controls">
          {props.itemControls}
          {props.onRemove === undefined ? null : (
            <RemoveButton field={props.legend} onRemove={props.onRemove} />
          )}
        </div>
      ) : null}
      {props.help === undefined ? null : (
        <p className="editor-help" id={`${id}-help`}>
          {props.help}
        </p>
      )}
      <FieldFindings findings={all} id={`${id}-findings`} />
      {props.children}
    </fieldset>
  );
}

/** Properties of an object; `only` or `except` limit which ones (the editor's sections). */
export function ObjectField(
  props: FieldProps & { readonly only?: ReadonlyArray<string>; readonly except?: ReadonlyArray<string> },
) {
  const { t } = useTranslation('editor');
  const { root, onSet, findings, readOnly } = useForm();
  const schema = resolveSchema(props.schema, root);
  const value =
    jsonType(props.value) === 'object' && props.value !== undefined
      ? (props.value as Record<string, unknown>)
      : {};
  const required = schema.required ?? [];
  const keys = Object.keys(schema.properties ?? {}).filter(
    (key) =>
      (props.only === undefined || props.only.includes(key)) &&
      (props.except === undefined || !props.except.includes(key)),
  );
  const shown = keys.filter((key) => required.includes(key) || key in value);
  const absent = keys.filter((key) => !shown.includes(key));
  // Findings about properties the form does not show (unknown fields) stay with their object.
  const strays = Object.keys(value)
    .filter((key) => schema.properties?.[key] === undefined)
    .flatMap((key) => findings.get(jsonPath([...props.segments, key])) ?? []);
  const help = useHelp(schema, props.segments);
  return (
    <Group
      segments={props.segments}
      legend={props.label}
      help={help}
      extraFindings={strays}
      onRemove={props.onRemove}
      itemControls={props.itemControls}
    >
      {shown.map((key) => {
        const property = schema.properties?.[key] as JsonSchema;
        const optional = !required.includes(key);
        return (
          <SchemaField
            key={key}
            schema={property}
            segments={[...props.segments, key]}
            value={value[key]}
            label={resolveSchema(property, root).title ?? humanise(key)}
            onRemove={optional ? () => onSet([...props.segments, key], undefined) : undefined}
          />
        );
      })}
      {absent.length === 0 ? null : (
        <fieldset className="editor-optional">
          <legend className="visually-hidden">{t('form.optional', { group: props.label })}</legend>
          {absent.map((key) => {
            const property = schema.properties?.[key] as JsonSchema;
            const name = resolveSchema(property, root).title ?? humanise(key);
            return (
              <button
                type="button"
                key={key}
                disabled={readOnly}
                aria-label={t('form.addFieldTo', { field: name, group: props.label })}
                onClick={() => onSet([...props.segments, key], defaultValue(property, root))}
              >
                {t('form.addField', { field: name })}
              </button>
            );
          })}
        </fieldset>
      )}
    </Group>
  );
}

function itemSummary(value: unknown): string | null {
  if (jsonType(value) !== 'object' || value === undefined) return null;
  const object = value as Record<string, unknown>;
  for (const key of ['name', 'title', 'id', 'text', 'action']) {
    const found = object[key];
    if (typeof found === 'string' && found.trim() !== '') {
      return found.length > 60 ? `${found.slice(0, 57)}…` : found;
    }
  }
  return null;
}

function ArrayField(props: FieldProps) {
  const { t } = useTranslation('editor');
  const { root, onSet, readOnly } = useForm();
  const items = Array.isArray(props.value) ? props.value : [];
  const itemSchema = props.schema.items ?? {};
  const itemLabel = singular(props.label);
  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    onSet(props.segments, next);
  };
  const full = props.schema.maxItems !== undefined && items.length >= props.schema.maxItems;
  const help = useHelp(props.schema, props.segments);
  return (
    <Group
      segments={props.segments}
      legend={props.label}
      help={help}
      onRemove={props.onRemove}
      itemControls={props.itemControls}
    >
      {items.length === 0 ? <p className="editor-empty">{t('form.empty')}</p> : null}
      {items.map((item, index) => {
        const summary = itemSummary(item);
        const label = `${itemLabel} ${index + 1}${summary === null ? '' : `: ${summary}`}`;
        const controls = (
          <span className="editor-item-controls">
            <button
              type="button"
              disabled={readOnly || index === 0}
              aria-label={t('form.moveUp', { item: label })}
              onClick={() => move(index, index - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={readOnly || index === items.length - 1}
              aria-label={t('form.moveDown', { item: label })}
              onClick={() => move(index, index + 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="editor-remove"
              disabled={readOnly}
              aria-label={t('form.removeItem', { item: label })}
              onClick={() =>
                onSet(
                  props.segments,
                  items.filter((_, i) => i !== index),
                )
              }
            >
              {t('form.remove')}
            </button>
          </span>
        );
        return (
          <SchemaField
            // Items have no stable key of their own; the index keeps focus on the field edited.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            schema={itemSchema}
            segments={[...props.segments, index]}
            value={item}
            label={label}
            itemControls={controls}
          />
        );
      })}
      <button
        type="button"
        className="editor-add"
        disabled={readOnly || full}
        onClick={() => onSet(props.segments, [...items, defaultValue(itemSchema, root)])}
      >
        {t('form.addItem', { item: itemLabel })}
      </button>
    </Group>
  );
}

function variantLabels(
  variants: ReadonlyArray<JsonSchema>,
  root: JsonSchema,
  t: (key: string, options?: Record<string, unknown>) => string,
): { readonly labels: ReadonlyArray<string>; readonly key: string | null } {
  const how = describeVariants(variants, root);
  switch (how.kind) {
    case 'discriminator':
      return { labels: how.values.map(String), key: how.key };
    case 'key':
      return { labels: how.keys.map(humanise), key: null };
    case 'type':
      return {
        labels: variants.map((v, index) => {
          const s = resolveSchema(v, root);
          if (how.types[index] === 'object' && s.properties !== undefined) {
            return t('variant.object', { fields: Object.keys(s.properties).map(humanise).join(', ') });
          }
          return t(`variant.${how.types[index] ?? 'other'}`);
        }),
        key: null,
      };
    case 'none':
      return { labels: variants.map((_, index) => t('variant.numbered', { number: index + 1 })), key: null };
  }
}

/** A union: a select of the variant, then the chosen variant's own fields. */
function VariantField(props: FieldProps & { readonly variants: ReadonlyArray<JsonSchema> }) {
  const { t } = useTranslation('editor');
  const { root, onSet, readOnly } = useForm();
  const { path, findings, invalid } = useFieldFindings(props.segments);
  const selectId = `${fieldId(props.segments)}-variant`;
  const index = props.value === undefined ? -1 : matchVariant(props.value, props.variants, root);
  const { labels, key } = variantLabels(props.variants, root, t);
  const chosen = index >= 0 ? props.variants[index] : undefined;
  const resolved = chosen === undefined ? null : resolveSchema(chosen, root);
  const selectLabel =
    key === null ? t('variant.label', { field: props.label }) : `${props.label}: ${humanise(key)}`;
  const selector = (
    <div className="editor-field editor-variant">
      <label htmlFor={selectId}>{selectLabel}</label>
      <select
        id={selectId}
        data-path={resolved === null ? path : undefined}
        value={index < 0 ? '' : String(index)}
        disabled={readOnly}
        aria-invalid={(index < 0 && invalid) || undefined}
        aria-describedby={index < 0 && findings.length > 0 ? `${selectId}-findings` : undefined}
        onChange={(event) => {
          const next = props.variants[Number(event.target.value)];
          if (next !== undefined) onSet(props.segments, switchVariant(props.value, next, root));
        }}
      >
        {index < 0 ? <option value="">{t('form.choose')}</option> : null}
        {labels.map((label, i) => (
          <option key={label} value={String(i)}>
            {label}
          </option>
        ))}
      </select>
      {index < 0 ? <FieldFindings findings={findings} id={`${selectId}-findings`} /> : null}
    </div>
  );
  if (resolved === null || chosen === undefined) {
    return (
      <div className="editor-group editor-variant-unknown">
        {selector}
        {props.itemControls}
        {props.onRemove === undefined ? null : (
          <button type="button" disabled={readOnly} onClick={props.onRemove}>
            {t('form.removeField', { field: props.label })}
          </button>
        )}
      </div>
    );
  }
  if (resolved.type === 'object') {
    return (
      <ObjectField
        {...props}
        schema={resolved}
        except={key === null ? undefined : [key]}
        itemControls={
          <>
            {selector}
            {props.itemControls}
          </>
        }
      />
    );
  }
  return (
    <div className="editor-variant-wrap">
      {selector}
      <SchemaField {...props} schema={chosen} />
    </div>
  );
}

/** Moves focus to the field a JSON path names, or to the nearest enclosing one shown. */
export function focusPath(container: HTMLElement, segments: ReadonlyArray<PathSegment>): boolean {
  const byPath = new Map<string, HTMLElement>();
  for (const element of container.querySelectorAll<HTMLElement>('[data-path]')) {
    const path = element.getAttribute('data-path');
    if (path !== null && !byPath.has(path)) byPath.set(path, element);
  }
  for (let length = segments.length; length >= 0; length--) {
    const element = byPath.get(jsonPath(segments.slice(0, length)));
    if (element !== undefined) {
      element.focus();
      element.scrollIntoView?.({ block: 'center' });
      return true;
    }
  }
  return false;
}
