CREATE TABLE "documents" (
   "id" INTEGER PRIMARY KEY,
   "sha256" TEXT NOT NULL,
   "path" TEXT NOT NULL,
   "format" TEXT NOT NULL,
   "pages" INTEGER,
   "ingested_at" TEXT,
   "meetings" INTEGER
, "body" TEXT, "held" TEXT);
CREATE UNIQUE INDEX "idx_documents_sha256"
    ON "documents" ("sha256");
CREATE TABLE "bodies" (
   "id" INTEGER PRIMARY KEY,
   "name" TEXT NOT NULL,
   "key" TEXT NOT NULL,
   "initials" TEXT,
   "organisation" TEXT
, "stale" INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX "idx_bodies_key"
    ON "bodies" ("key");
CREATE TABLE "meetings" (
   "id" INTEGER PRIMARY KEY,
   "body_id" INTEGER REFERENCES "bodies"("id"),
   "document_id" INTEGER REFERENCES "documents"("id"),
   "kind" TEXT NOT NULL,
   "date" TEXT,
   "start_time" TEXT,
   "end_time" TEXT,
   "location" TEXT,
   "organisation" TEXT,
   "first_line" INTEGER,
   "last_line" INTEGER,
   "first_page" INTEGER,
   "last_page" INTEGER,
   "rule" TEXT,
   "confidence" REAL
, "next_date" TEXT, "line" INTEGER);
CREATE INDEX "idx_meetings_body_id_kind_date"
    ON "meetings" ("body_id", "kind", "date");
CREATE INDEX "idx_meetings_document_id"
    ON "meetings" ("document_id");
CREATE TABLE "people" (
   "id" INTEGER PRIMARY KEY,
   "body_id" INTEGER REFERENCES "bodies"("id"),
   "name" TEXT NOT NULL,
   "initials" TEXT
);
CREATE INDEX "idx_people_body_id_name"
    ON "people" ("body_id", "name");
CREATE TABLE "attendance" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "person_id" INTEGER REFERENCES "people"("id"),
   "name" TEXT NOT NULL,
   "status" TEXT NOT NULL,
   "category" TEXT,
   "role" TEXT,
   "organisation" TEXT,
   "first_line" INTEGER,
   "last_line" INTEGER,
   "first_page" INTEGER,
   "last_page" INTEGER,
   "rule" TEXT,
   "confidence" REAL
, "reviewed" TEXT, "line" INTEGER);
CREATE INDEX "idx_attendance_meeting_id"
    ON "attendance" ("meeting_id");
CREATE INDEX "idx_attendance_person_id"
    ON "attendance" ("person_id");
CREATE TABLE "items" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "position" INTEGER,
   "number" TEXT,
   "title" TEXT NOT NULL,
   "parent" TEXT,
   "presenters" TEXT,
   "first_line" INTEGER,
   "last_line" INTEGER,
   "first_page" INTEGER,
   "last_page" INTEGER,
   "rule" TEXT,
   "confidence" REAL
, "reviewed" TEXT, "summary" TEXT, "forward" TEXT, "line" INTEGER);
CREATE INDEX "idx_items_meeting_id"
    ON "items" ("meeting_id");
CREATE TABLE "resolutions" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "item" TEXT,
   "text" TEXT NOT NULL,
   "first_line" INTEGER,
   "last_line" INTEGER,
   "first_page" INTEGER,
   "last_page" INTEGER,
   "rule" TEXT,
   "confidence" REAL
, "reviewed" TEXT, "line" INTEGER);
CREATE INDEX "idx_resolutions_meeting_id"
    ON "resolutions" ("meeting_id");
CREATE TABLE "actions" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "ref" TEXT NOT NULL,
   "seq" INTEGER,
   "item" TEXT,
   "text" TEXT NOT NULL,
   "due" TEXT,
   "due_date" TEXT,
   "status" TEXT NOT NULL,
   "status_at" TEXT,
   "reported" TEXT,
   "linked_to" INTEGER REFERENCES "actions"("id"),
   "first_line" INTEGER,
   "last_line" INTEGER,
   "first_page" INTEGER,
   "last_page" INTEGER,
   "rule" TEXT,
   "confidence" REAL
, "owners_text" TEXT, "reviewed" TEXT, "line" INTEGER);
CREATE UNIQUE INDEX "idx_actions_ref"
    ON "actions" ("ref");
CREATE INDEX "idx_actions_meeting_id"
    ON "actions" ("meeting_id");
CREATE INDEX "idx_actions_status_due_date"
    ON "actions" ("status", "due_date");
CREATE TABLE "action_owners" (
   "action_id" INTEGER REFERENCES "actions"("id"),
   "position" INTEGER,
   "name" TEXT,
   "person_id" INTEGER REFERENCES "people"("id"), "by_post" INTEGER,
   PRIMARY KEY ("action_id", "position")
);
CREATE INDEX "idx_action_owners_person_id"
    ON "action_owners" ("person_id");
CREATE INDEX "idx_action_owners_name"
    ON "action_owners" ("name");
CREATE TABLE "action_history" (
   "id" INTEGER PRIMARY KEY,
   "action_id" INTEGER REFERENCES "actions"("id"),
   "at" TEXT,
   "status" TEXT,
   "by" TEXT,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "words" TEXT
);
CREATE INDEX "idx_action_history_action_id"
    ON "action_history" ("action_id");
CREATE VIRTUAL TABLE "items_fts" USING FTS5 (
    "title",
    tokenize='porter',
    content="items"
);
CREATE TRIGGER "items_ai" AFTER INSERT ON "items" BEGIN
  INSERT INTO "items_fts" (rowid, "title") VALUES (new.rowid, new."title");
END;
CREATE TRIGGER "items_ad" AFTER DELETE ON "items" BEGIN
  INSERT INTO "items_fts" ("items_fts", rowid, "title") VALUES('delete', old.rowid, old."title");
END;
CREATE TRIGGER "items_au" AFTER UPDATE ON "items" BEGIN
  INSERT INTO "items_fts" ("items_fts", rowid, "title") VALUES('delete', old.rowid, old."title");
  INSERT INTO "items_fts" (rowid, "title") VALUES (new.rowid, new."title");
END;
CREATE VIRTUAL TABLE "resolutions_fts" USING FTS5 (
    "text",
    tokenize='porter',
    content="resolutions"
);
CREATE TRIGGER "resolutions_ai" AFTER INSERT ON "resolutions" BEGIN
  INSERT INTO "resolutions_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "resolutions_ad" AFTER DELETE ON "resolutions" BEGIN
  INSERT INTO "resolutions_fts" ("resolutions_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END;
CREATE TRIGGER "resolutions_au" AFTER UPDATE ON "resolutions" BEGIN
  INSERT INTO "resolutions_fts" ("resolutions_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "resolutions_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE VIRTUAL TABLE "actions_fts" USING FTS5 (
    "text",
    tokenize='porter',
    content="actions"
);
CREATE TRIGGER "actions_ai" AFTER INSERT ON "actions" BEGIN
  INSERT INTO "actions_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "actions_ad" AFTER DELETE ON "actions" BEGIN
  INSERT INTO "actions_fts" ("actions_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END;
CREATE TRIGGER "actions_au" AFTER UPDATE ON "actions" BEGIN
  INSERT INTO "actions_fts" ("actions_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "actions_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TABLE "progress" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "text" TEXT NOT NULL,
   "status" TEXT NOT NULL,
   "refs" TEXT,
   "first_line" INTEGER,
   "last_line" INTEGER,
   "first_page" INTEGER,
   "last_page" INTEGER,
   "rule" TEXT,
   "confidence" REAL
, "line" INTEGER);
CREATE INDEX "idx_progress_meeting_id"
    ON "progress" ("meeting_id");
CREATE TABLE "overrides" (
   "id" INTEGER PRIMARY KEY,
   "action_id" INTEGER REFERENCES "actions"("id"),
   "field" TEXT NOT NULL,
   "value" TEXT,
   "at" TEXT,
   "note" TEXT
);
CREATE INDEX "idx_overrides_action_id"
    ON "overrides" ("action_id");
CREATE TABLE "people_aliases" (
   "body_id" INTEGER REFERENCES "bodies"("id"),
   "name" TEXT,
   "person_id" INTEGER REFERENCES "people"("id"),
   PRIMARY KEY ("body_id", "name")
);
CREATE INDEX "idx_actions_linked_to"
    ON "actions" ("linked_to");
CREATE TABLE "corrections" (
   "id" INTEGER PRIMARY KEY,
   "record" TEXT NOT NULL,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "original" TEXT NOT NULL,
   "verdict" TEXT NOT NULL,
   "field" TEXT,
   "value" TEXT,
   "at" TEXT
);
CREATE INDEX "idx_corrections_meeting_id"
    ON "corrections" ("meeting_id");
CREATE TABLE "body_aliases" (
   "key" TEXT PRIMARY KEY,
   "body_id" INTEGER REFERENCES "bodies"("id"),
   "by_hand" INTEGER
);
CREATE INDEX "idx_body_aliases_body_id"
    ON "body_aliases" ("body_id");
