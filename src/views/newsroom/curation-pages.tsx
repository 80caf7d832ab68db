// The curation screen: the home page (lead story, featured story, order of section blocks), stories,
// sections, follow-us channels and menus — each item editable in place, each area shown only to members
// allowed to change it. Gets prepared lists; decides no permission and calls no service.
import { CHANNEL_KINDS, type Channel, type Section } from '../../domain/index.js';
import type { HomeCuration, MenuItem } from '../../services/index.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { CsrfField, NewsroomDocument, SelectField } from './newsroom-document.js';

export interface CurationStory {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly coverMediaId: number | null;
  readonly trendingRank: number | null;
  readonly featured: boolean;
  readonly status: 'active' | 'archived';
}

export interface CurationData {
  readonly home: HomeCuration | null;
  readonly leadChoices: readonly { readonly id: number; readonly title: string }[];
  readonly stories: readonly CurationStory[] | null;
  readonly sections: readonly Section[];
  readonly canEditSections: boolean;
  readonly channels: readonly Channel[] | null;
  readonly menus: readonly MenuItem[] | null;
  readonly notice?: string | null;
  readonly error?: string | null;
}

const str = (n: number | null) => (n === null ? '' : String(n));

function StoryForm({ ctx, story }: { ctx: NewsroomViewContext; story: CurationStory | null }) {
  const t = ctx.t.desk.curation;
  const p = story ? `story-${story.id}-` : 'story-new-';
  return (
    <form method="post" action={story ? `/newsroom/curation/stories/${story.id}` : '/newsroom/curation/stories'} class="nr-inline-grid">
      <CsrfField ctx={ctx} />
      <label for={`${p}title`}>{t.storyTitle}</label>
      <input id={`${p}title`} name="title" value={story?.title ?? ''} required dir="auto" />
      <label for={`${p}slug`}>{t.slug}</label>
      <input id={`${p}slug`} name="slug" value={story?.slug ?? ''} required dir="auto" />
      <label for={`${p}description`}>{t.description}</label>
      <input id={`${p}description`} name="description" value={story?.description ?? ''} dir="auto" />
      <label for={`${p}cover`}>{t.cover}</label>
      <input id={`${p}cover`} name="coverMediaId" value={str(story?.coverMediaId ?? null)} inputMode="numeric" dir="ltr" />
      <label for={`${p}rank`}>{t.rank}</label>
      <input id={`${p}rank`} name="trendingRank" value={str(story?.trendingRank ?? null)} inputMode="numeric" dir="ltr" />
      <label>
        <input type="checkbox" name="featured" value="1" checked={story?.featured ?? false} /> {t.isFeatured}
      </label>
      <label for={`${p}status`}>{t.storyStatus}</label>
      <select id={`${p}status`} name="status">
        <option value="active" selected={story?.status !== 'archived'}>
          {t.active}
        </option>
        <option value="archived" selected={story?.status === 'archived'}>
          {t.archived}
        </option>
      </select>
      <button type="submit" class="nr-button">
        {t.save}
      </button>
    </form>
  );
}

function SectionForm({ ctx, section, sections }: { ctx: NewsroomViewContext; section: Section | null; sections: readonly Section[] }) {
  const t = ctx.t.desk.curation;
  const p = section ? `section-${section.id}-` : 'section-new-';
  const parents = sections.filter((s) => s.parentId === null && s.id !== section?.id);
  return (
    <form method="post" action={section ? `/newsroom/curation/sections/${section.id}` : '/newsroom/curation/sections'} class="nr-inline-grid">
      <CsrfField ctx={ctx} />
      <label for={`${p}name`}>{t.sectionName}</label>
      <input id={`${p}name`} name="name" value={section?.name ?? ''} required dir="auto" />
      <label for={`${p}slug`}>{t.slug}</label>
      <input id={`${p}slug`} name="slug" value={section?.slug ?? ''} required dir="ltr" />
      <label for={`${p}parent`}>{t.parent}</label>
      <select id={`${p}parent`} name="parentId">
        <option value="">{t.topLevel}</option>
        {parents.map((s) => (
          <option key={s.id} value={String(s.id)} selected={section?.parentId === s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <label for={`${p}position`}>{t.position}</label>
      <input id={`${p}position`} name="position" value={String(section?.position ?? 0)} inputMode="numeric" dir="ltr" />
      <label>
        <input type="checkbox" name="inNav" value="1" checked={section?.inNav ?? true} /> {t.inNav}
      </label>
      <input type="hidden" name="description" value={section?.description ?? ''} />
      <button type="submit" class="nr-button">
        {t.save}
      </button>
    </form>
  );
}

/** One editable row of a label + URL list (channels, menu items): a save form and, for an existing row, a delete form. */
function LinkRowForm(props: {
  ctx: NewsroomViewContext;
  /** `channel` or `menu`: the id prefix of the fields. */
  idPrefix: string;
  /** `/newsroom/curation/channels` or `/newsroom/curation/menus`. */
  base: string;
  row: { id: number; label: string; url: string; position: number } | null;
  choice: { name: string; label: string; options: ReadonlyArray<{ value: string; label: string; selected: boolean }> };
}) {
  const { ctx, row, choice } = props;
  const t = ctx.t.desk.curation;
  const p = row ? `${props.idPrefix}-${row.id}-` : `${props.idPrefix}-new-`;
  return (
    <div class="nr-inline-row">
      <form method="post" action={row ? `${props.base}/${row.id}` : props.base} class="nr-inline-grid">
        <CsrfField ctx={ctx} />
        <label for={`${p}${choice.name}`}>{choice.label}</label>
        <select id={`${p}${choice.name}`} name={choice.name}>
          {choice.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.selected}>
              {o.label}
            </option>
          ))}
        </select>
        <label for={`${p}label`}>{t.label}</label>
        <input id={`${p}label`} name="label" value={row?.label ?? ''} required dir="auto" />
        <label for={`${p}url`}>{t.url}</label>
        <input id={`${p}url`} name="url" value={row?.url ?? ''} required dir="ltr" />
        <label for={`${p}position`}>{t.position}</label>
        <input id={`${p}position`} name="position" value={String(row?.position ?? 0)} inputMode="numeric" dir="ltr" />
        <button type="submit" class="nr-button">
          {t.save}
        </button>
      </form>
      {row ? (
        <form method="post" action={`${props.base}/${row.id}/delete`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="nr-button nr-button-quiet">
            {t.delete}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function ChannelForm({ ctx, channel }: { ctx: NewsroomViewContext; channel: Channel | null }) {
  const options = CHANNEL_KINDS.map((k) => ({ value: k, label: k, selected: channel?.kind === k }));
  return (
    <LinkRowForm
      ctx={ctx}
      idPrefix="channel"
      base="/newsroom/curation/channels"
      row={channel}
      choice={{ name: 'kind', label: ctx.t.desk.curation.channelKind, options }}
    />
  );
}

function MenuForm({ ctx, item }: { ctx: NewsroomViewContext; item: MenuItem | null }) {
  const t = ctx.t.desk.curation;
  const options = (['main', 'footer'] as const).map((m) => ({ value: m, label: t.menuNames[m], selected: item?.menu === m }));
  return <LinkRowForm ctx={ctx} idPrefix="menu" base="/newsroom/curation/menus" row={item} choice={{ name: 'menu', label: t.menu, options }} />;
}

export function CurationPage({ ctx, data }: { ctx: NewsroomViewContext; data: CurationData }) {
  const t = ctx.t.desk.curation;
  const home = data.home;
  const top = data.sections.filter((s) => s.parentId === null);
  return (
    <NewsroomDocument ctx={ctx} title={t.title} notice={data.notice ?? null} error={data.error ?? null}>
      {home ? (
        <section aria-labelledby="cur-home">
          <h2 id="cur-home">{t.home}</h2>
          <form method="post" action="/newsroom/curation/home">
            <CsrfField ctx={ctx} />
            <SelectField
              name="leadArticleId"
              label={t.lead}
              value={str(home.leadArticleId)}
              options={[{ value: '', label: t.automatic }, ...data.leadChoices.map((a) => ({ value: String(a.id), label: a.title }))]}
            />
            <SelectField
              name="featuredStoryId"
              label={t.featured}
              value={str(home.featuredStoryId)}
              options={[{ value: '', label: t.none }, ...(data.stories ?? []).filter((s) => s.status === 'active').map((s) => ({ value: String(s.id), label: s.title }))]}
            />
            <fieldset class="nr-field">
              <legend>{t.sectionOrder}</legend>
              <p class="nr-hint">{t.sectionOrderHint}</p>
              {top.map((s) => {
                const i = home.sectionIds.indexOf(s.id);
                return (
                  <div key={s.id} class="nr-inline-row">
                    <label for={`order-${s.id}`}>{s.name}</label>{' '}
                    <input id={`order-${s.id}`} name={`order-${s.id}`} value={i >= 0 ? String(i + 1) : ''} inputMode="numeric" dir="ltr" size={3} />
                  </div>
                );
              })}
            </fieldset>
            <button type="submit" class="nr-button">
              {t.saveHome}
            </button>
          </form>
        </section>
      ) : null}
      {data.stories ? (
        <section aria-labelledby="cur-stories">
          <h2 id="cur-stories">{t.stories}</h2>
          <ul class="nr-plain-list">
            {data.stories.map((s) => (
              <li key={s.id}>
                <details>
                  <summary>
                    {s.title} {s.featured ? `· ${t.isFeatured}` : ''} {s.status === 'archived' ? `· ${t.archived}` : ''}
                    {s.trendingRank !== null ? ` · ${t.rank}: ${ctx.fmt.number(s.trendingRank)}` : ''}
                  </summary>
                  <StoryForm ctx={ctx} story={s} />
                </details>
              </li>
            ))}
          </ul>
          <h3>{t.newStory}</h3>
          <StoryForm ctx={ctx} story={null} />
        </section>
      ) : null}
      {data.canEditSections ? (
        <section aria-labelledby="cur-sections">
          <h2 id="cur-sections">{t.sections}</h2>
          <ul class="nr-plain-list">
            {data.sections.map((s) => (
              <li key={s.id}>
                <details>
                  <summary>{s.parentId === null ? s.name : `— ${s.name}`}</summary>
                  <SectionForm ctx={ctx} section={s} sections={data.sections} />
                </details>
              </li>
            ))}
          </ul>
          <h3>{t.newSection}</h3>
          <SectionForm ctx={ctx} section={null} sections={data.sections} />
        </section>
      ) : null}
      {data.channels ? (
        <section aria-labelledby="cur-channels">
          <h2 id="cur-channels">{t.channels}</h2>
          {data.channels.map((c) => (
            <ChannelForm key={c.id} ctx={ctx} channel={c} />
          ))}
          <h3>{t.newChannel}</h3>
          <ChannelForm ctx={ctx} channel={null} />
        </section>
      ) : null}
      {data.menus ? (
        <section aria-labelledby="cur-menus">
          <h2 id="cur-menus">{t.menus}</h2>
          {data.menus.map((m) => (
            <MenuForm key={m.id} ctx={ctx} item={m} />
          ))}
          <h3>{t.newMenuItem}</h3>
          <MenuForm ctx={ctx} item={null} />
        </section>
      ) : null}
    </NewsroomDocument>
  );
}
