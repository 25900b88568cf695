/**
 * Numbered, append-only migrations. Never edit one that has shipped: add the next one.
 * Each runs in an IMMEDIATE transaction that also bumps `user_version` (see open.ts).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'case file: profile, companies, cases, contacts, reps, promises, letters, evidence',
    sql: `
      CREATE TABLE profile (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        full_name   TEXT NOT NULL,
        address     TEXT NOT NULL DEFAULT '',
        phone       TEXT NOT NULL DEFAULT '',
        email       TEXT NOT NULL DEFAULT '',
        country     TEXT NOT NULL,
        language    TEXT NOT NULL,
        time_zone   TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );

      CREATE TABLE company (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        search_key  TEXT NOT NULL UNIQUE,
        address     TEXT,
        email       TEXT,
        phone       TEXT,
        website     TEXT,
        chat        TEXT,
        social      TEXT,
        created_at  TEXT NOT NULL
      );

      CREATE TABLE case_file (
        id            INTEGER PRIMARY KEY,
        company_id    INTEGER NOT NULL REFERENCES company(id),
        title         TEXT NOT NULL,
        product       TEXT NOT NULL,
        purchased_on  TEXT,
        order_ref     TEXT,
        account_ref   TEXT,
        amount_minor  INTEGER CHECK (amount_minor IS NULL OR amount_minor > 0),
        currency      TEXT CHECK ((amount_minor IS NULL) = (currency IS NULL)),
        occurred_on   TEXT,
        situation     TEXT NOT NULL,
        problem       TEXT NOT NULL,
        request       TEXT NOT NULL,
        remedy        TEXT NOT NULL CHECK (remedy IN ('refund','replacement','repair','price-reduction','cancellation','compensation','other')),
        remedy_detail TEXT,
        jurisdiction  TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','waiting','escalated','resolved','abandoned')),
        outcome       TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        closed_at     TEXT
      );
      CREATE INDEX case_file_company ON case_file(company_id);

      CREATE TABLE contact (
        id            INTEGER PRIMARY KEY,
        case_id       INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        channel       TEXT NOT NULL CHECK (channel IN ('phone','email','chat','web-form','in-person','letter','social','other')),
        direction     TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound','inbound')),
        started_at    TEXT NOT NULL,
        ended_at      TEXT CHECK (ended_at IS NULL OR ended_at >= started_at),
        reference     TEXT,
        department    TEXT,
        summary       TEXT NOT NULL,
        next_steps    TEXT,
        responsible   TEXT,
        expected_time TEXT,
        outcome       TEXT CHECK (outcome IS NULL OR outcome IN ('resolved','unresolved','transferred','escalated','call-dropped','no-answer')),
        supervisor    TEXT CHECK (supervisor IS NULL OR supervisor IN ('asked','granted','refused')),
        rude          INTEGER NOT NULL DEFAULT 0 CHECK (rude IN (0, 1)),
        created_at    TEXT NOT NULL
      );
      CREATE INDEX contact_case ON contact(case_id, started_at);

      CREATE TABLE contact_rep (
        id          INTEGER PRIMARY KEY,
        contact_id  INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        name        TEXT NOT NULL CHECK (length(name) > 0),
        rep_id      TEXT,
        role        TEXT,
        UNIQUE (contact_id, position)
      );

      CREATE TABLE contact_quote (
        id          INTEGER PRIMARY KEY,
        contact_id  INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        text        TEXT NOT NULL,
        UNIQUE (contact_id, position)
      );

      CREATE TABLE promise (
        id          INTEGER PRIMARY KEY,
        case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        contact_id  INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        text        TEXT NOT NULL,
        due_at      TEXT NOT NULL,
        state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','kept','broken')),
        resolved_at TEXT
      );
      CREATE INDEX promise_case ON promise(case_id, due_at);

      CREATE TABLE letter (
        id            INTEGER PRIMARY KEY,
        case_id       INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        language      TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        deadline_on   TEXT NOT NULL,
        remedy        TEXT NOT NULL,
        file_sha256   TEXT,
        sent_at       TEXT,
        sent_via      TEXT,
        tracking      TEXT,
        delivered_at  TEXT
      );
      CREATE INDEX letter_case ON letter(case_id);

      CREATE TABLE evidence (
        id             INTEGER PRIMARY KEY,
        case_id        INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        kind           TEXT NOT NULL CHECK (kind IN ('receipt','contract','warranty','photo','screenshot','recording','correspondence','other')),
        label          TEXT NOT NULL,
        original_name  TEXT NOT NULL,
        stored_path    TEXT NOT NULL,
        sha256         TEXT NOT NULL,
        size           INTEGER NOT NULL,
        position       INTEGER NOT NULL,
        added_at       TEXT NOT NULL
      );
      CREATE INDEX evidence_case ON evidence(case_id, position);
    `,
  },
  {
    version: 2,
    name: 'letters: deadline spec, cc, planned sending method, enclosures, exported file',
    // sent_at and delivered_at hold calendar dates (YYYY-MM-DD): a letter leaves and arrives on a day.
    sql: `
      ALTER TABLE letter ADD COLUMN deadline_spec TEXT;
      ALTER TABLE letter ADD COLUMN deadline_from TEXT;
      ALTER TABLE letter ADD COLUMN cc TEXT;
      ALTER TABLE letter ADD COLUMN send_method TEXT;
      ALTER TABLE letter ADD COLUMN enclosures TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE letter ADD COLUMN file_path TEXT;
      ALTER TABLE letter ADD COLUMN file_size INTEGER;
      `,
  },
  {
    version: 3,
    name: 'agenda: case sector, clock start dates, contact escalations, honest close',
    sql: `
      ALTER TABLE case_file ADD COLUMN sector TEXT;
      ALTER TABLE case_file ADD COLUMN closed_as TEXT
        CHECK (closed_as IS NULL OR closed_as IN ('resolved','abandoned','escalated-elsewhere'));
      ALTER TABLE case_file ADD COLUMN remedy_received TEXT;
      ALTER TABLE case_file ADD COLUMN remedy_received_on TEXT;
      ALTER TABLE case_file ADD COLUMN remedy_received_minor INTEGER
        CHECK (remedy_received_minor IS NULL OR remedy_received_minor > 0);
      ALTER TABLE case_file ADD COLUMN remedy_received_currency TEXT;
      ALTER TABLE case_file ADD COLUMN escalated_to TEXT;
      ALTER TABLE case_file ADD COLUMN rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5);

      -- The dates that start legal clocks and that the log cannot tell (delivery, a bill…).
      CREATE TABLE case_event (
        case_id     INTEGER NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        event       TEXT NOT NULL,
        on_date     TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (case_id, event)
      );

      -- A contact that escalated: a public post, an application to a regulator, a court filing.
      CREATE TABLE contact_escalation (
        contact_id  INTEGER PRIMARY KEY REFERENCES contact(id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('social-media','regulator','arbitration','ombudsman','mediation','court')),
        forum       TEXT,
        platform    TEXT,
        link        TEXT,
        file_number TEXT
      );
    `,
  },
  {
    version: 4,
    name: 'profile: the interface language (null: from the locale, else the country)',
    sql: `
      ALTER TABLE profile ADD COLUMN interface_language TEXT
        CHECK (interface_language IS NULL OR interface_language IN ('en','tr','ru','kk','fa'));
    `,
  },
  {
    version: 5,
    name: 'indexes for the foreign keys the agenda, the statistics and the deletes filter on',
    // Without promise_contact, loading a case's contacts scanned every promise (the agenda read
    // each case's, so `due` on 10,000 cases took 18 s).
    sql: `
      CREATE INDEX IF NOT EXISTS promise_contact ON promise(contact_id);
      -- list's next promise per case reads only the pending ones, in due order.
      CREATE INDEX IF NOT EXISTS promise_pending ON promise(case_id, due_at, id) WHERE state = 'pending';
    `,
  },
  {
    version: 6,
    name: "service standards: a company's own published answer times, per channel",
    sql: `
      CREATE TABLE service_standard (
        id          INTEGER PRIMARY KEY,
        company_id  INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
        channel     TEXT NOT NULL CHECK (channel IN ('phone','email','chat','web-form','in-person','letter','social','other')),
        amount      INTEGER NOT NULL CHECK (amount > 0),
        unit        TEXT NOT NULL CHECK (unit IN ('hours','calendar-days','working-days')),
        source      TEXT NOT NULL CHECK (length(source) > 0),
        created_at  TEXT NOT NULL
      );
      CREATE INDEX service_standard_company ON service_standard(company_id, channel);
    `,
  },
  {
    version: 7,
    name: 'follow-up: the kind of each letter, identity numbers a forum asks for',
    sql: `
      -- A complaint, the final notice that cites it, or a dispute letter to the card issuer.
      ALTER TABLE letter ADD COLUMN kind TEXT NOT NULL DEFAULT 'complaint'
        CHECK (kind IN ('complaint','final-notice','card-issuer'));
      -- Kept only when the user gives them (TC kimlik no., IIN, national code; MERSİS, VKN, BIN).
      ALTER TABLE profile ADD COLUMN national_id TEXT;
      ALTER TABLE company ADD COLUMN company_id TEXT;
    `,
  },
  {
    version: 8,
    name: 'rights: how the purchase was made (shop, distance, off-premises)',
    // Rejections and repair requests are dates of case_event (schema 3); only the sale is new.
    sql: `
      ALTER TABLE case_file ADD COLUMN sale TEXT
        CHECK (sale IS NULL OR sale IN ('shop','distance','off-premises'));
    `,
  },
  {
    version: 9,
    name: 'the card route: how the purchase was paid, the card (last four digits only), its statement',
    // Never the full card number: card_last4 holds four digits and nothing else.
    sql: `
      ALTER TABLE case_file ADD COLUMN paid_by TEXT
        CHECK (paid_by IS NULL OR paid_by IN ('card','cash','bank-transfer','other'));
      ALTER TABLE case_file ADD COLUMN card_type TEXT
        CHECK (card_type IS NULL OR card_type IN ('credit','debit'));
      ALTER TABLE case_file ADD COLUMN card_issuer TEXT
        CHECK (card_issuer IS NULL OR length(card_issuer) > 0);
      ALTER TABLE case_file ADD COLUMN card_last4 TEXT
        CHECK (card_last4 IS NULL OR (length(card_last4) = 4 AND card_last4 NOT GLOB '*[^0-9]*'));
      -- The statement that first showed the charge (YYYY-MM-DD): the US 60 days run from it.
      ALTER TABLE case_file ADD COLUMN statement_date TEXT;
      -- The issuer's address for billing-error notices, as given to the letter (kept for the next).
      ALTER TABLE case_file ADD COLUMN card_issuer_address TEXT;
    `,
  },
  {
    version: 10,
    name: "indexes for the agenda's and the statistics' reads of a case's first and last contacts",
    // `due` reads each open case's first outbound contact (and letter) and newest inbound one;
    // `stats` asks whether the company answered after each promise. Indexes only.
    sql: `
      CREATE INDEX IF NOT EXISTS contact_direction ON contact(case_id, direction, started_at);
      CREATE INDEX IF NOT EXISTS contact_escalation_kind ON contact_escalation(kind);
    `,
  },
  {
    version: 11,
    name: "the agenda's dated rows kept between runs (derived, never exported, cleared by triggers); pending promises by due date",
    // `due` on a terminal shows the most urgent rows of thousands of cases: the pending promises,
    // letter deadlines and legal clocks of each open case are computed once and kept here (src/db/due-cache.ts),
    // not recomputed at every run. Nothing here is data: a case's rows are deleted by the
    // database itself whenever anything they are computed from changes (the triggers below),
    // and `due` computes them again. cache_meta holds what the rows were computed with (the
    // program, the jurisdiction files, the time zone); when that differs, every row is stale.
    sql: `
      CREATE TABLE cache_meta (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
      CREATE TABLE cache_due_case (
        case_id  INTEGER PRIMARY KEY REFERENCES case_file(id) ON DELETE CASCADE
      );
      CREATE TABLE cache_due_item (
        case_id   INTEGER NOT NULL REFERENCES cache_due_case(case_id) ON DELETE CASCADE,
        -- The case's company (a copy: the companies with service standards are read whole).
        company_id INTEGER NOT NULL,
        -- When it falls due (ISO instant, UTC): a promise's own, a day's end in the user's zone.
        due_at    TEXT NOT NULL,
        -- 1: a right of the consumer's (shown while it runs, never as overdue).
        consumer  INTEGER NOT NULL CHECK (consumer IN (0, 1))
      );
      CREATE INDEX cache_due_item_case ON cache_due_item(case_id);
      CREATE INDEX cache_due_item_due ON cache_due_item(due_at, case_id, consumer, company_id);
      -- The pending promises in due order, for the first of them across the file.
      CREATE INDEX promise_pending_due ON promise(due_at, case_id) WHERE state = 'pending';
      -- Whether a case is open, and its company, without reading its row.
      CREATE INDEX case_file_open ON case_file(id, status, closed_at, company_id);
      CREATE TRIGGER cache_due_contact_insert AFTER INSERT ON contact
        BEGIN DELETE FROM cache_due_case WHERE case_id = NEW.case_id; END;
      CREATE TRIGGER cache_due_contact_update AFTER UPDATE ON contact
        BEGIN DELETE FROM cache_due_case WHERE case_id IN (OLD.case_id, NEW.case_id); END;
      CREATE TRIGGER cache_due_contact_delete AFTER DELETE ON contact
        BEGIN DELETE FROM cache_due_case WHERE case_id = OLD.case_id; END;
      CREATE TRIGGER cache_due_letter_insert AFTER INSERT ON letter
        BEGIN DELETE FROM cache_due_case WHERE case_id = NEW.case_id; END;
      CREATE TRIGGER cache_due_letter_update AFTER UPDATE ON letter
        BEGIN DELETE FROM cache_due_case WHERE case_id IN (OLD.case_id, NEW.case_id); END;
      CREATE TRIGGER cache_due_letter_delete AFTER DELETE ON letter
        BEGIN DELETE FROM cache_due_case WHERE case_id = OLD.case_id; END;
      CREATE TRIGGER cache_due_case_event_insert AFTER INSERT ON case_event
        BEGIN DELETE FROM cache_due_case WHERE case_id = NEW.case_id; END;
      CREATE TRIGGER cache_due_case_event_update AFTER UPDATE ON case_event
        BEGIN DELETE FROM cache_due_case WHERE case_id IN (OLD.case_id, NEW.case_id); END;
      CREATE TRIGGER cache_due_case_event_delete AFTER DELETE ON case_event
        BEGIN DELETE FROM cache_due_case WHERE case_id = OLD.case_id; END;
      CREATE TRIGGER cache_due_promise_insert AFTER INSERT ON promise
        BEGIN DELETE FROM cache_due_case WHERE case_id = NEW.case_id; END;
      CREATE TRIGGER cache_due_promise_update AFTER UPDATE ON promise
        BEGIN DELETE FROM cache_due_case WHERE case_id IN (OLD.case_id, NEW.case_id); END;
      CREATE TRIGGER cache_due_promise_delete AFTER DELETE ON promise
        BEGIN DELETE FROM cache_due_case WHERE case_id = OLD.case_id; END;
      CREATE TRIGGER cache_due_contact_escalation_insert AFTER INSERT ON contact_escalation
        BEGIN DELETE FROM cache_due_case
          WHERE case_id IN (SELECT case_id FROM contact WHERE id IN (NEW.contact_id)); END;
      CREATE TRIGGER cache_due_contact_escalation_update AFTER UPDATE ON contact_escalation
        BEGIN DELETE FROM cache_due_case
          WHERE case_id IN (SELECT case_id FROM contact WHERE id IN (OLD.contact_id, NEW.contact_id)); END;
      CREATE TRIGGER cache_due_contact_escalation_delete AFTER DELETE ON contact_escalation
        BEGIN DELETE FROM cache_due_case
          WHERE case_id IN (SELECT case_id FROM contact WHERE id IN (OLD.contact_id)); END;
      CREATE TRIGGER cache_due_case_file_update AFTER UPDATE ON case_file
        BEGIN DELETE FROM cache_due_case WHERE case_id IN (OLD.id, NEW.id); END;
    `,
  },
  {
    version: 12,
    name: "indexes for the statistics: the company's answers by case, the closed cases by company",
    // `stats` asks of every overdue promise whether the company wrote since: a case it never
    // wrote in is one step in contact_inbound (which holds only inbound contacts), not a read
    // of its contacts. case_file_closed holds what stats reads of a closed case (how and when it
    // closed, its rating, its start), so the closings are read without the cases' texts; its
    // WHERE is the one stats-repo.ts queries with. Indexes only.
    sql: `
      CREATE INDEX IF NOT EXISTS contact_inbound ON contact(case_id, started_at) WHERE direction = 'inbound';
      CREATE INDEX IF NOT EXISTS case_file_closed ON case_file(company_id, closed_as, status, closed_at,
        rating, remedy_received_on, created_at)
        WHERE closed_as IS NOT NULL OR closed_at IS NOT NULL OR status IN ('resolved', 'abandoned');
    `,
  },
  {
    version: 13,
    name: "the due cache's list of open cases without rows, and its count of the rows that can be overdue",
    // `due` looked for the open cases with no kept rows among all of them (a NOT EXISTS over
    // every open case) and counted every kept row already past: at 10,000 cases, most of its
    // time past start-up. cache_due_stale lists the open cases without rows: a case enters it
    // when it is made or reopened, or when its rows are deleted (the schema 11 triggers delete
    // them), and leaves it when its rows are kept. cache_due_count holds how many kept rows of
    // each company can be overdue (consumer = 0): the overdue count is that less the rows not
    // yet due, which are few. Both are kept by the triggers below, in the transaction of the
    // change; the rows kept so far are dropped, so that the counts start from nothing.
    sql: `
      CREATE TABLE cache_due_stale (
        case_id  INTEGER PRIMARY KEY
      );
      CREATE TABLE cache_due_count (
        company_id  INTEGER PRIMARY KEY,
        n           INTEGER NOT NULL
      );
      DELETE FROM cache_due_case;
      DELETE FROM cache_meta WHERE key = 'due';
      INSERT INTO cache_due_stale (case_id) SELECT id FROM case_file WHERE closed_at IS NULL;
      CREATE TRIGGER cache_due_item_insert AFTER INSERT ON cache_due_item WHEN NEW.consumer = 0
        BEGIN INSERT INTO cache_due_count (company_id, n) VALUES (NEW.company_id, 1)
          ON CONFLICT (company_id) DO UPDATE SET n = n + 1; END;
      CREATE TRIGGER cache_due_item_delete AFTER DELETE ON cache_due_item WHEN OLD.consumer = 0
        BEGIN UPDATE cache_due_count SET n = n - 1 WHERE company_id = OLD.company_id; END;
      CREATE TRIGGER cache_due_item_update AFTER UPDATE OF company_id, consumer ON cache_due_item
        BEGIN
          UPDATE cache_due_count SET n = n - 1 WHERE company_id = OLD.company_id AND OLD.consumer = 0;
          INSERT INTO cache_due_count (company_id, n) SELECT NEW.company_id, 1 WHERE NEW.consumer = 0
            ON CONFLICT (company_id) DO UPDATE SET n = n + 1;
        END;
      CREATE TRIGGER cache_due_case_insert AFTER INSERT ON cache_due_case
        BEGIN DELETE FROM cache_due_stale WHERE case_id = NEW.case_id; END;
      CREATE TRIGGER cache_due_case_delete AFTER DELETE ON cache_due_case
        BEGIN INSERT OR IGNORE INTO cache_due_stale (case_id)
          SELECT id FROM case_file WHERE id = OLD.case_id AND closed_at IS NULL; END;
      CREATE TRIGGER cache_due_case_file_insert AFTER INSERT ON case_file WHEN NEW.closed_at IS NULL
        BEGIN INSERT OR IGNORE INTO cache_due_stale (case_id) VALUES (NEW.id); END;
      CREATE TRIGGER cache_due_case_file_reopen AFTER UPDATE ON case_file WHEN NEW.closed_at IS NULL
        BEGIN INSERT OR IGNORE INTO cache_due_stale (case_id) VALUES (NEW.id); END;
      CREATE TRIGGER cache_due_case_file_delete AFTER DELETE ON case_file
        BEGIN DELETE FROM cache_due_stale WHERE case_id = OLD.id; END;
    `,
  },
  {
    version: 14,
    name: 'what `stats` counts of each case, kept between runs (derived, never exported), and the cases to count again',
    // `stats` counted every promise of the file at every run, asking of each pending one whether
    // the company wrote after it (20 ms at 10,000 cases). None of that depends on the day but
    // whether a promise is past due, so it is kept per case (src/db/stats-cache.ts):
    // cache_stats_case holds a case's counts, cache_stats_unanswered its pending promises that
    // no inbound contact came after (broken by default once due). A change to a case, its
    // contacts, promises or letters puts the case in cache_stats_stale (the triggers below);
    // `stats` counts those cases again first, and reads the rest as kept.
    sql: `
      CREATE TABLE cache_stats_case (
        case_id       INTEGER PRIMARY KEY REFERENCES case_file(id) ON DELETE CASCADE,
        company_id    INTEGER NOT NULL,
        promises      INTEGER NOT NULL,
        kept          INTEGER NOT NULL,
        broken        INTEGER NOT NULL,
        -- Pending promises that no inbound contact came after (the rows of cache_stats_unanswered).
        unanswered    INTEGER NOT NULL,
        -- Letters to the company sent (a dispute letter to the card issuer is not one).
        letters_sent  INTEGER NOT NULL,
        -- The earliest contact's started_at (ISO instant), NULL without contacts.
        first_contact TEXT
      );
      CREATE INDEX cache_stats_case_company ON cache_stats_case(company_id, case_id, promises, kept,
        broken, unanswered, letters_sent);
      CREATE TABLE cache_stats_unanswered (
        case_id     INTEGER NOT NULL REFERENCES cache_stats_case(case_id) ON DELETE CASCADE,
        company_id  INTEGER NOT NULL,
        due_at      TEXT NOT NULL
      );
      CREATE INDEX cache_stats_unanswered_case ON cache_stats_unanswered(case_id);
      CREATE INDEX cache_stats_unanswered_due ON cache_stats_unanswered(due_at, company_id);
      CREATE TABLE cache_stats_stale (
        case_id  INTEGER PRIMARY KEY
      );
      INSERT INTO cache_stats_stale (case_id) SELECT id FROM case_file;
      CREATE TRIGGER cache_stats_contact_insert AFTER INSERT ON contact
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (NEW.case_id); END;
      CREATE TRIGGER cache_stats_contact_update AFTER UPDATE ON contact
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (OLD.case_id), (NEW.case_id); END;
      CREATE TRIGGER cache_stats_contact_delete AFTER DELETE ON contact
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (OLD.case_id); END;
      CREATE TRIGGER cache_stats_promise_insert AFTER INSERT ON promise
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (NEW.case_id); END;
      CREATE TRIGGER cache_stats_promise_update AFTER UPDATE ON promise
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (OLD.case_id), (NEW.case_id); END;
      CREATE TRIGGER cache_stats_promise_delete AFTER DELETE ON promise
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (OLD.case_id); END;
      CREATE TRIGGER cache_stats_letter_insert AFTER INSERT ON letter
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (NEW.case_id); END;
      CREATE TRIGGER cache_stats_letter_update AFTER UPDATE ON letter
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (OLD.case_id), (NEW.case_id); END;
      CREATE TRIGGER cache_stats_letter_delete AFTER DELETE ON letter
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (OLD.case_id); END;
      CREATE TRIGGER cache_stats_case_file_insert AFTER INSERT ON case_file
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (NEW.id); END;
      CREATE TRIGGER cache_stats_case_file_update AFTER UPDATE ON case_file
        BEGIN INSERT OR IGNORE INTO cache_stats_stale (case_id) VALUES (OLD.id), (NEW.id); END;
    `,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
