import { useState } from 'preact/hooks';
import { type NotificationKind, notificationApi, ok, partnerApi, referralApi } from '../clients';
import { BookingIntegrationSettings } from './booking-integration';
import { KitEditor } from './kit-editor';
import { Field, LoadState, Notice, PageHeader, ProblemBanner, useAction, useLoad, useNotice } from '../ui';

const list = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function Settings() {
  const profile = useLoad(() => ok(partnerApi.GET('/api/practice')), []);
  const referral = useLoad(() => ok(referralApi.GET('/api/referral-settings')), []);
  const messages = useLoad(() => ok(notificationApi.GET('/api/notifications/settings')), []);
  return (
    <section>
      <PageHeader title="Settings" subtitle="Your practice, as your partners and the numbers see it" />
      <LoadState loaded={profile}>{(p) => <Profile profile={p} />}</LoadState>
      <div class="grid two">
        <LoadState loaded={referral}>{(r) => <ReferralSettings hours={r.firstContactHours ?? 48} />}</LoadState>
        <LoadState loaded={messages}>{(m) => <MessageSettings settings={m} />}</LoadState>
      </div>
      <LoadState loaded={messages}>{(m) => <KitEditor suggestedName={m.practiceName ?? undefined} />}</LoadState>
      <BookingIntegrationSettings />
      <section class="card" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhooks</h2>
        <p class="muted">Webhooks and their delivery log appear here once notification-service offers them.</p>
      </section>
    </section>
  );
}

type ProfileData = {
  services?: string[] | null;
  niches?: string[] | null;
  idealReferral?: {
    demographics?: string | null;
    psychographics?: string | null;
    situation?: string | null;
    readiness?: string | null;
  } | null;
  defaultCheckInCadenceDays?: number | null;
  monthlyReferralGoal?: number | null;
  timeZone?: string | null;
};

function Profile(props: { profile: ProfileData }) {
  const p = props.profile;
  const [services, setServices] = useState((p.services ?? []).join(', '));
  const [niches, setNiches] = useState((p.niches ?? []).join(', '));
  const [demographics, setDemographics] = useState(p.idealReferral?.demographics ?? '');
  const [situation, setSituation] = useState(p.idealReferral?.situation ?? '');
  const [psychographics, setPsychographics] = useState(p.idealReferral?.psychographics ?? '');
  const [readiness, setReadiness] = useState(p.idealReferral?.readiness ?? '');
  const [cadence, setCadence] = useState(String(p.defaultCheckInCadenceDays ?? 30));
  const [goal, setGoal] = useState(p.monthlyReferralGoal == null ? '' : String(p.monthlyReferralGoal));
  const [timeZone, setTimeZone] = useState(p.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const action = useAction();
  const [notice, say] = useNotice();
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
  return (
    <form
      noValidate
      class="card stack"
      aria-labelledby="profile-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (
          await action.run(() =>
            ok(
              partnerApi.PUT('/api/practice', {
                body: {
                  services: list(services),
                  niches: list(niches),
                  idealReferral: { demographics, psychographics, situation, readiness },
                  defaultCheckInCadenceDays: number(cadence),
                  monthlyReferralGoal: number(goal),
                  timeZone: timeZone || undefined,
                },
              }),
            ),
          )
        ) {
          say('Practice profile saved.');
        }
      }}
    >
      <h2 id="profile-heading">Practice profile</h2>
      <Notice text={notice} />
      <ProblemBanner
        problem={action.problem}
        placed={[
          'services',
          'niches',
          'idealReferral.demographics',
          'idealReferral.psychographics',
          'idealReferral.situation',
          'idealReferral.readiness',
          'defaultCheckInCadenceDays',
          'monthlyReferralGoal',
          'timeZone',
        ]}
      />
      <div class="grid two">
        <Field
          label="Services"
          name="services"
          value={services}
          onValue={setServices}
          errors={action.errors}
          hint="Comma-separated"
        />
        <Field
          label="Niches"
          name="niches"
          value={niches}
          onValue={setNiches}
          errors={action.errors}
          hint="Comma-separated; partners serving them score higher fit"
        />
        <Field
          label="Ideal referral: who"
          name="idealReferral.demographics"
          value={demographics}
          onValue={setDemographics}
          errors={action.errors}
        />
        <Field
          label="Ideal referral: situation"
          name="idealReferral.situation"
          value={situation}
          onValue={setSituation}
          errors={action.errors}
        />
        <Field
          label="Ideal referral: values"
          name="idealReferral.psychographics"
          value={psychographics}
          onValue={setPsychographics}
          errors={action.errors}
        />
        <Field
          label="Ideal referral: readiness"
          name="idealReferral.readiness"
          value={readiness}
          onValue={setReadiness}
          errors={action.errors}
        />
        <Field
          label="Check-in cadence (days)"
          name="defaultCheckInCadenceDays"
          value={cadence}
          onValue={setCadence}
          errors={action.errors}
          inputMode="numeric"
        />
        <Field
          label="Monthly referral goal"
          name="monthlyReferralGoal"
          value={goal}
          onValue={setGoal}
          errors={action.errors}
          inputMode="numeric"
        />
        <Field
          label="Time zone"
          name="timeZone"
          value={timeZone}
          onValue={setTimeZone}
          errors={action.errors}
          hint="IANA name, e.g. America/New_York"
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          Save profile
        </button>
      </div>
    </form>
  );
}

function ReferralSettings(props: { hours: number }) {
  const [hours, setHours] = useState(String(props.hours));
  const action = useAction();
  const [notice, say] = useNotice();
  return (
    <form
      noValidate
      class="card stack"
      aria-labelledby="referral-settings-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (
          await action.run(() =>
            ok(referralApi.PUT('/api/referral-settings', { body: { firstContactHours: Number(hours) } })),
          )
        ) {
          say('Referral settings saved.');
        }
      }}
    >
      <h2 id="referral-settings-heading">Referrals</h2>
      <Notice text={notice} />
      <ProblemBanner problem={action.problem} placed={['firstContactHours']} />
      <Field
        label="First contact within (hours)"
        name="firstContactHours"
        value={hours}
        onValue={setHours}
        errors={action.errors}
        inputMode="numeric"
        hint="1 to 720; a referral still received after that is overdue"
      />
      <div class="actions">
        <button type="submit" disabled={action.busy}>
          Save
        </button>
      </div>
    </form>
  );
}

function MessageSettings(props: {
  settings: {
    practiceName?: string | null;
    replyTo?: string | null;
    signature?: string | null;
    program?: string | null;
    autoSend?: NotificationKind[] | null;
  };
}) {
  const s = props.settings;
  const [practiceName, setPracticeName] = useState(s.practiceName ?? '');
  const [replyTo, setReplyTo] = useState(s.replyTo ?? '');
  const [signature, setSignature] = useState(s.signature ?? '');
  const [program, setProgram] = useState(s.program ?? '');
  const action = useAction();
  const [notice, say] = useNotice();
  return (
    <form
      noValidate
      class="card stack"
      aria-labelledby="message-settings-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (
          await action.run(() =>
            ok(
              notificationApi.PUT('/api/notifications/settings', {
                body: { practiceName, replyTo, signature, program: program || undefined, autoSend: s.autoSend ?? [] },
              }),
            ),
          )
        ) {
          say('Message settings saved.');
        }
      }}
    >
      <h2 id="message-settings-heading">Messages</h2>
      <Notice text={notice} />
      <ProblemBanner problem={action.problem} placed={['practiceName', 'replyTo', 'signature', 'program']} />
      <Field
        label="Practice name"
        name="practiceName"
        value={practiceName}
        onValue={setPracticeName}
        errors={action.errors}
      />
      <Field
        label="Reply-to email"
        name="replyTo"
        type="email"
        value={replyTo}
        onValue={setReplyTo}
        errors={action.errors}
      />
      <Field
        label="Signature"
        name="signature"
        value={signature}
        onValue={setSignature}
        errors={action.errors}
        multiline
      />
      <Field
        label="Program"
        name="program"
        value={program}
        onValue={setProgram}
        errors={action.errors}
        hint="What clients sign up for, e.g. coaching program"
      />
      <div class="actions">
        <button type="submit" disabled={action.busy}>
          Save
        </button>
      </div>
    </form>
  );
}
