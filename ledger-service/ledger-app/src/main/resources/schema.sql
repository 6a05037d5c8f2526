-- The ledger's own tables beside Axon's event store (created by EventStoreSchema on start).
-- Set-based look-ups kept in the same transaction as the events they come from.
CREATE TABLE IF NOT EXISTS command_log (
    command_id    VARCHAR(200) PRIMARY KEY,
    command_type  VARCHAR(100) NOT NULL,
    payload_hash  VARCHAR(64)  NOT NULL,
    aggregate_id  VARCHAR(200),
    recorded_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS account_lookup (
    number  VARCHAR(20)  PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    type    VARCHAR(20)  NOT NULL
);
CREATE TABLE IF NOT EXISTS party_lookup (
    party               VARCHAR(100) PRIMARY KEY,
    application_method  VARCHAR(20)  NOT NULL
);
CREATE TABLE IF NOT EXISTS open_item_index (
    open_item_id     VARCHAR(100) PRIMARY KEY,
    party            VARCHAR(100) NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    due_date         DATE         NOT NULL,
    is_open          BOOLEAN      NOT NULL,
    registered_seq   BIGSERIAL
);
CREATE INDEX IF NOT EXISTS open_item_index_party ON open_item_index (party, is_open, due_date);
-- Dimensioned accounts (fund-main-dept-purpose...) are longer than 20 characters.
ALTER TABLE account_lookup ALTER COLUMN number TYPE VARCHAR(104);
-- A control account (samlekonto) belongs to the open items (SPEC §1.1): opened as one, or used by
-- an item. NULL only on rows from before the column; Lookups fills those in once from the events.
ALTER TABLE account_lookup ADD COLUMN IF NOT EXISTS control BOOLEAN;
CREATE TABLE IF NOT EXISTS fund_lookup (
    fund        VARCHAR(20)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    fund_class  VARCHAR(40)
);
CREATE TABLE IF NOT EXISTS posting_definition (
    definition_id     VARCHAR(100) PRIMARY KEY,
    transaction_type  VARCHAR(40)  NOT NULL,
    fund_class        VARCHAR(40),
    version           INT          NOT NULL,
    rows_json         TEXT         NOT NULL,
    retired           BOOLEAN      NOT NULL
);
-- One active definition per transaction type and fund class (issue 21), race-free: the second
-- fails in its event's transaction. A database that already holds two is left without the index
-- (the start must not fail on old data) until an admin retires one; the command's own check
-- still refuses new ones. (A DO body in quotes: the script runner splits on ; outside quotes.)
DO 'BEGIN
  IF NOT EXISTS (SELECT 1 FROM posting_definition WHERE NOT retired
                 GROUP BY transaction_type, coalesce(fund_class, '''') HAVING count(*) > 1) THEN
    CREATE UNIQUE INDEX IF NOT EXISTS posting_definition_one_active
        ON posting_definition (transaction_type, coalesce(fund_class, '''')) WHERE NOT retired;
  END IF;
END';
-- Debit and credit per account and month, in the same transaction as the postings: year-end
-- close reads balances that can never lag behind the events. Rows are only appended (one per
-- account of an entry) and readers sum them; MonthTotalsRollup folds each account-month's rows
-- into one now and then. The bank is on every entry: a row per month that every command
-- updated made each command wait for the one before it to commit (issue 17).
CREATE TABLE IF NOT EXISTS account_month_total (
    number  VARCHAR(104)   NOT NULL,
    month   CHAR(7)        NOT NULL,
    debit   NUMERIC(19, 2) NOT NULL,
    credit  NUMERIC(19, 2) NOT NULL
);
-- a database from before: its rows (one per month, or per stripe) stay as they are and are summed like the others
DROP INDEX IF EXISTS account_month_total_key;
ALTER TABLE account_month_total DROP CONSTRAINT IF EXISTS account_month_total_pkey;
ALTER TABLE account_month_total DROP COLUMN IF EXISTS stripe;
CREATE INDEX IF NOT EXISTS account_month_total_number ON account_month_total (number, month);
CREATE TABLE IF NOT EXISTS year_end_closing (
    fiscal_year  INT          NOT NULL,
    fund_class   VARCHAR(40)  NOT NULL,
    closing_id   VARCHAR(100) NOT NULL,
    PRIMARY KEY (fiscal_year, fund_class)
);
-- The lines of reversed closing entries, per account, with the closed year and the reversal's
-- month: a close of year X >= fiscal_year adds those dated after X's last month (issue 21).
CREATE TABLE IF NOT EXISTS closing_reversal (
    closing_id   VARCHAR(100)   NOT NULL,
    fiscal_year  INT            NOT NULL,
    month        CHAR(7)        NOT NULL,
    number       VARCHAR(104)   NOT NULL,
    debit        NUMERIC(19, 2) NOT NULL,
    credit       NUMERIC(19, 2) NOT NULL
);
CREATE INDEX IF NOT EXISTS closing_reversal_year ON closing_reversal (fiscal_year);
-- What each employee debt has outstanding, beside account 61.50's totals: the 61.50 summary
-- compares the two inside one transaction.
CREATE TABLE IF NOT EXISTS debt_lookup (
    debt_id      VARCHAR(100)   PRIMARY KEY,
    employer_id  VARCHAR(120)   NOT NULL DEFAULT 'DEFAULT',
    employee_no  VARCHAR(100)   NOT NULL,
    kind         VARCHAR(10)    NOT NULL,
    outstanding  NUMERIC(19, 2) NOT NULL
);
-- Issue 15: an id is 1..120 characters (InputRules.MAX_ID); the lookups must hold every id the commands accept.
ALTER TABLE party_lookup ALTER COLUMN party TYPE VARCHAR(120);
ALTER TABLE open_item_index ALTER COLUMN open_item_id TYPE VARCHAR(120);
ALTER TABLE open_item_index ALTER COLUMN party TYPE VARCHAR(120);
ALTER TABLE fund_lookup ALTER COLUMN fund_class TYPE VARCHAR(120);
ALTER TABLE posting_definition ALTER COLUMN definition_id TYPE VARCHAR(120);
ALTER TABLE posting_definition ALTER COLUMN fund_class TYPE VARCHAR(120);
ALTER TABLE year_end_closing ALTER COLUMN fund_class TYPE VARCHAR(120);
ALTER TABLE year_end_closing ALTER COLUMN closing_id TYPE VARCHAR(120);
ALTER TABLE debt_lookup ALTER COLUMN debt_id TYPE VARCHAR(120);
ALTER TABLE debt_lookup ALTER COLUMN employee_no TYPE VARCHAR(120);
-- Debts belong to an employer (SPEC §5); debts registered before that are employer DEFAULT's, as their events are read.
ALTER TABLE debt_lookup ADD COLUMN IF NOT EXISTS employer_id VARCHAR(120) NOT NULL DEFAULT 'DEFAULT';
