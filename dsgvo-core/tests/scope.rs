//! Scoping (issue 20): a generated table of fake customers
//! (`tests/scope/make_people.py`) whose truth is known is recovered
//! exactly; any split of the rows merges to the result of one pass; bad
//! input is reported, never dropped; no value of the table reaches the
//! report.

use std::collections::BTreeMap;

use dsgvo_core::scope::{
    ColumnKind, DecidedBy, Encoding, ScopeError, ScopeOptions, ScopeSummary, Window, read_csv,
    read_csv_recipients, read_json_lines, read_json_lines_recipients,
};
use proptest::prelude::*;
use serde_json::{Value, json};

const ORDERS: &str = include_str!("../../tests/scope/orders.csv");
const TRUTH: &str = include_str!("../../tests/scope/truth.json");

fn truth() -> Value {
    serde_json::from_str(TRUTH).unwrap()
}

fn options() -> ScopeOptions {
    ScopeOptions {
        key: Some("customer_id".into()),
        ..ScopeOptions::new(truth()["as_of"].as_str().unwrap().parse().unwrap())
    }
}

fn windowed() -> ScopeOptions {
    let t = truth();
    let at = |k: &str| serde_json::from_value(t["window"][k].clone()).unwrap();
    ScopeOptions {
        window: Some(Window {
            column: "order_date".into(),
            from: Some(at("from")),
            until: Some(at("until")),
        }),
        ..options()
    }
}

fn scope_of(options: ScopeOptions) -> dsgvo_core::scope::Scope {
    csv_scope(ORDERS, options)
}

fn counts(scope: &dsgvo_core::scope::Scope) -> Value {
    json!({
        "records": scope.records,
        "subjects": scope.subjects,
        "minors": scope.minors,
        "residence": scope.facts.data_subjects.residence,
    })
}

/// The scope of CSV `text`.
fn csv_scope(text: &str, options: ScopeOptions) -> dsgvo_core::scope::Scope {
    read_csv(text.as_bytes(), options, Encoding::Utf8)
        .and_then(|s| s.report())
        .unwrap()
}

#[test]
fn the_generated_table_is_recovered_exactly() {
    let t = truth();
    let all = scope_of(options());
    assert_eq!(counts(&all), t["all"]);
    let window = scope_of(windowed());
    let mut expected = t["window"].clone();
    expected
        .as_object_mut()
        .unwrap()
        .retain(|k, _| k != "from" && k != "until");
    assert_eq!(counts(&window), expected);
    assert_eq!(
        window.outside_window,
        all.records - window.records,
        "rows outside the window are counted as such"
    );
    let kinds: BTreeMap<String, String> = all
        .columns
        .iter()
        .map(|c| (c.header.clone(), c.kind.as_str().to_string()))
        .collect();
    assert_eq!(serde_json::to_value(kinds).unwrap(), t["kinds"]);
    assert_eq!(
        serde_json::to_value(&all.facts.data_categories).unwrap(),
        t["categories"]
    );
    // Minors among the people: the facts say so (Recital 75).
    assert_eq!(
        all.facts.data_subjects.vulnerable,
        Some(dsgvo_core::facts::Tristate::Yes)
    );
    assert_eq!(
        all.facts.data_subjects.count,
        dsgvo_core::facts::ApproxCount::Exact(700)
    );
}

#[test]
fn the_report_holds_no_value_of_the_table() {
    let report = serde_json::to_string(&scope_of(options())).unwrap();
    for line in ORDERS.lines().skip(1).take(200) {
        for value in line.split(';') {
            if value.len() >= 6 && !value.starts_with("**** ") && !value.starts_with("SKU") {
                assert!(!report.contains(value), "{value} in the report");
            }
        }
    }
    assert!(!report.to_lowercase().contains("@example.org"));
}

#[test]
fn columns_are_decided_by_header_values_and_overrides() {
    let csv = "kontakt,notiz,Kreditkarte\nerika@example.de,x,**** **** **** 4242\nmax@example.at,y,XXXXXXXXXXXX1111\n";
    let mut options = options();
    options.key = None;
    let scope = csv_scope(csv, options.clone());
    let by: Vec<(ColumnKind, DecidedBy, u8)> = scope
        .columns
        .iter()
        .map(|c| (c.kind, c.decided_by, c.confidence))
        .collect();
    assert_eq!(
        by,
        [
            // No header we know: all values are e-mail addresses.
            (ColumnKind::Email, DecidedBy::Values, 100),
            (ColumnKind::Other, DecidedBy::Nothing, 0),
            // The header says card number, the values are masked.
            (ColumnKind::MaskedCard, DecidedBy::HeaderAndValues, 100),
        ]
    );
    options
        .overrides
        .insert("notiz".into(), ColumnKind::FreeText);
    let scope = csv_scope(csv, options);
    assert_eq!(
        (scope.columns[1].kind, scope.columns[1].decided_by),
        (ColumnKind::FreeText, DecidedBy::Override)
    );
    assert_eq!(scope.columns[0].examples, ["e***@***.de", "m***@***.at"]);
}

// Our rule: a column whose header we know but whose cells are all empty
// is reported by its header alone (confidence 70, as for kinds values
// cannot show), never as contradicted by values it does not have; and as
// it holds no data, its category is not among the facts.
#[test]
fn an_empty_column_is_named_by_its_header_and_adds_no_category() {
    let csv = "kontakt,IBAN\nerika@example.de,\nmax@example.at,\n";
    let mut options = options();
    options.key = None;
    let scope = csv_scope(csv, options);
    let iban = &scope.columns[1];
    assert_eq!(
        (iban.kind, iban.decided_by, iban.confidence, iban.non_empty),
        (ColumnKind::Iban, DecidedBy::Header, 70, 0)
    );
    assert_eq!(scope.columns[0].kind, ColumnKind::Email);
    let categories: Vec<&str> = scope
        .facts
        .data_categories
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(categories, ["contact"], "no bank account without one");
}

#[test]
fn passwords_give_the_weakest_storage_found() {
    let storage = |values: &[&str]| {
        let csv = format!("user_pass\n{}\n", values.join("\n"));
        let mut options = options();
        options.key = None;
        let scope = csv_scope(&csv, options);
        scope.facts.protection.map(|p| p.password_hashing.as_str())
    };
    let bcrypt = "$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234";
    assert_eq!(storage(&[bcrypt, bcrypt]), Some("state_of_the_art"));
    assert_eq!(
        storage(&[bcrypt, "5f4dcc3b5aa765d61d8327deb882cf99"]),
        Some("weak")
    );
    assert_eq!(storage(&[bcrypt, "geheim123"]), Some("none"));
}

#[test]
fn bad_rows_are_counted_with_their_lines_never_dropped() {
    let csv = "customer_id,email\n1,a@example.org\n2\n3,c@example.org,extra\n,d@example.org\n";
    let scope = csv_scope(csv, options());
    assert_eq!(
        (scope.malformed.count, scope.malformed.lines.clone()),
        (2, vec![3, 4])
    );
    assert_eq!(
        (scope.without_key.count, scope.without_key.lines.clone()),
        (1, vec![5])
    );
    assert_eq!((scope.records, scope.subjects), (2, 2));

    let latin1 = b"customer_id;name\n1;M\xfcller\n";
    assert_eq!(
        read_csv(&latin1[..], options(), Encoding::Utf8).unwrap_err(),
        ScopeError::NotUtf8 { line: 2 }
    );
    let read = read_csv(&latin1[..], options(), Encoding::Latin1)
        .unwrap()
        .report()
        .unwrap();
    assert_eq!(read.columns[1].examples, ["Aaaaaa"]);

    assert_eq!(
        read_csv(&b""[..], options(), Encoding::Utf8).unwrap_err(),
        ScopeError::Empty
    );
    let err = read_csv(&b"kundennr,email\n"[..], options(), Encoding::Utf8).unwrap_err();
    assert_eq!(
        err.to_string(),
        "key column `customer_id` is not in the table's header"
    );
    let mut w = windowed();
    w.window.as_mut().unwrap().column = "email".into();
    let text = "customer_id,email\n1,a@example.org\n";
    let err = read_csv(text.as_bytes(), w, Encoding::Utf8)
        .unwrap()
        .report()
        .unwrap_err();
    assert!(
        matches!(err, ScopeError::WindowNotDates { ref column, values: 1 } if column == "email"),
        "{err}"
    );
    let err = ScopeSummary::new(&["a", "b", "a"], options()).unwrap_err();
    assert_eq!(err, ScopeError::DuplicateColumn { column: "a".into() });
}

#[test]
fn json_lines_read_like_csv() {
    let lines = "{\"customer_id\": 1, \"email\": \"a@example.org\", \"country\": \"DE\"}\n\n[1,2]\n{\"customer_id\": 1, \"email\": \"a@example.org\", \"country\": null}\n{\"customer_id\": 2, \"email\": \"b@example.org\", \"phone\": \"+49 30 1234567\"}\n";
    let scope = read_json_lines(lines.as_bytes(), options(), Encoding::Utf8)
        .and_then(|s| s.report())
        .unwrap();
    assert_eq!((scope.records, scope.subjects), (2, 1));
    assert_eq!(
        (scope.malformed.count, scope.malformed.lines.clone()),
        (2, vec![3, 5])
    );
    for (first, kind) in [
        (&b"[1]\n"[..], "a JSON value that is no object"),
        (&b"{oops\n"[..], "syntax error"),
        (&b"{\"a\": 1\n"[..], "the line ends early"),
    ] {
        let err = read_json_lines(first, options(), Encoding::Utf8).unwrap_err();
        assert_eq!(
            err,
            ScopeError::Header {
                line: 1,
                message: format!("the first line is no JSON object: {kind}")
            }
        );
    }
}

fn rows() -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = ORDERS.lines();
    let header = lines.next().unwrap().split(';').map(String::from).collect();
    let rows = lines
        .take(400)
        .map(|l| l.split(';').map(String::from).collect())
        .collect();
    (header, rows)
}

/// The summary of `rows` pushed one by one (`block` 1) or in blocks of
/// `block` rows.
fn summary_of(
    header: &[String],
    rows: &[(u64, Vec<String>)],
    options: &ScopeOptions,
    block: usize,
) -> ScopeSummary {
    let mut s = ScopeSummary::new(header, options.clone()).unwrap();
    if block == 1 {
        for (line, row) in rows {
            s.push_row(*line, row);
        }
    } else {
        for rows in rows.chunks(block) {
            s.push_rows(rows);
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Issue 20: any split of the rows, scoped apart and merged in any
    /// order, gives exactly the summary of one pass; and so do the rows
    /// counted in blocks, a column at a time.
    #[test]
    fn any_split_merges_to_one_pass(cuts in proptest::collection::vec(0usize..400, 0..6), reverse in any::<bool>(), window in any::<bool>(), block in 1usize..300) {
        let (header, rows) = rows();
        let mut numbered: Vec<(u64, Vec<String>)> = rows.into_iter().enumerate().map(|(i, r)| (i as u64 + 2, r)).collect();
        // A malformed row in the middle.
        numbered[100].1.pop();
        let options = if window { windowed() } else { options() };
        let whole = summary_of(&header, &numbered, &options, 1);
        let mut cuts = cuts;
        cuts.sort_unstable();
        cuts.dedup();
        let mut parts: Vec<ScopeSummary> = Vec::new();
        let mut start = 0;
        for cut in cuts.into_iter().chain([numbered.len()]) {
            parts.push(summary_of(&header, &numbered[start..cut.max(start)], &options, block));
            start = cut.max(start);
        }
        if reverse {
            parts.reverse();
        }
        let mut merged = parts.remove(0);
        for p in parts {
            merged.merge(p).unwrap();
        }
        prop_assert_eq!(&merged, &whole);
        prop_assert_eq!(merged.report().unwrap(), whole.report().unwrap());
    }
}

/// The delimiter is the one the header line uses most outside quotes:
/// `"Name, Vorname";E-Mail` is read with `;`.
#[test]
fn the_delimiter_is_counted_outside_quotes() {
    let mut options = options();
    options.key = None;
    let scope = csv_scope("\"a,b,c\";email\nx;erika@example.org\n", options);
    let headers: Vec<&str> = scope.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["a,b,c", "email"]);
}

/// Pipes and sockets give a few bytes per read: the header line is read
/// whole before its delimiter is counted, and an empty input ends.
#[test]
fn a_header_line_read_in_short_pieces_is_read_whole() {
    struct Trickle<'a>(&'a [u8]);
    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(7);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let mut options = options();
    options.key = None;
    // The first seven bytes, `name,vo`, hold a comma; the line, more
    // semicolons.
    let text = "name,vorname;email;land\nMuster, Erika;erika@example.org;DE\n";
    let summary = read_csv(Trickle(text.as_bytes()), options.clone(), Encoding::Utf8).unwrap();
    assert_eq!(summary.headers(), ["name,vorname", "email", "land"]);
    assert_eq!(summary.report().unwrap().records, 1);
    let empty = read_csv(Trickle(b""), options, Encoding::Utf8);
    assert!(matches!(empty, Err(ScopeError::Empty)), "{empty:?}");
}

/// A reader that fails is an error, not a malformed row: the rest of the
/// table was never seen.
#[test]
fn a_failing_reader_is_an_error() {
    struct Failing(usize);
    impl std::io::Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let text = b"customer_id,email\n1,a@example.org\n";
            if self.0 >= text.len() {
                return Err(std::io::Error::other("disk gone"));
            }
            let n = (text.len() - self.0).min(buf.len()).min(20);
            buf[..n].copy_from_slice(&text[self.0..self.0 + n]);
            self.0 += n;
            Ok(n)
        }
    }
    let err = read_csv(Failing(0), options(), Encoding::Utf8).unwrap_err();
    assert!(
        matches!(err, ScopeError::Read(ref m) if m.contains("disk gone")),
        "{err}"
    );
}

/// A header's kind is confirmed by the values where a detector checks it,
/// and reported as contradicted where fewer than half agree; a kind no
/// detector checks rests on the header (confidence 70, ours).
#[test]
fn header_kinds_are_confirmed_or_contradicted_by_the_values() {
    let csv = "email;telefon;iban;cc_number;geburtsdatum;land;ip;steuer_id;e_mail;vorname\n\
        erika@example.org;+49 30 1234567;DE89 3704 0044 0532 0130 00;4111 1111 1111 1111;12.03.1990;DE;192.0.2.1;86095742719;keine;Erika\n\
        max@example.org;030 1234567;AT61 1904 3002 3457 3201;5555 5555 5555 4444;01.01.1980;AT;2001:db8::1;86095742719;auch keine;Max\n";
    let mut options = options();
    options.key = None;
    let scope = csv_scope(csv, options);
    let by: Vec<(&str, ColumnKind, DecidedBy, u8)> = scope
        .columns
        .iter()
        .map(|c| (c.header.as_str(), c.kind, c.decided_by, c.confidence))
        .collect();
    use ColumnKind as K;
    use DecidedBy as D;
    assert_eq!(
        by,
        [
            ("email", K::Email, D::HeaderAndValues, 100),
            ("telefon", K::Phone, D::HeaderAndValues, 100),
            ("iban", K::Iban, D::HeaderAndValues, 100),
            ("cc_number", K::CardNumber, D::HeaderAndValues, 100),
            ("geburtsdatum", K::BirthDate, D::HeaderAndValues, 100),
            ("land", K::Country, D::HeaderAndValues, 100),
            ("ip", K::IpAddress, D::HeaderAndValues, 100),
            ("steuer_id", K::TaxId, D::HeaderAndValues, 100),
            ("e_mail", K::Email, D::HeaderAgainstValues, 0),
            ("vorname", K::Name, D::Header, 70),
        ]
    );
}

/// `csv` scoped without a key, in a window of `[from, until)` on `column`.
fn in_window(
    csv: &str,
    column: &str,
    from: &str,
    until: &str,
) -> Result<dsgvo_core::scope::Scope, ScopeError> {
    let at = |t: &str| serde_json::from_value(json!(t)).unwrap();
    let options = ScopeOptions {
        key: None,
        window: Some(Window {
            column: column.into(),
            from: Some(at(from)),
            until: Some(at(until)),
        }),
        ..options()
    };
    read_csv(csv.as_bytes(), options, Encoding::Utf8).and_then(|s| s.report())
}

// The window is half-open, as the facts' `occurred` period: a row at its
// start belongs to it, a row at its end does not.
#[test]
fn the_window_holds_its_start_and_not_its_end() {
    let csv = "email,order_date\na@example.de,2026-11-10T00:00:00+01:00\nb@example.de,2026-11-20T00:00:00+01:00\nc@example.de,2026-11-15 12:00:00\n";
    let s = in_window(
        csv,
        "order_date",
        "2026-11-10T00:00:00+01:00",
        "2026-11-20T00:00:00+01:00",
    )
    .unwrap();
    assert_eq!((s.records, s.outside_window), (2, 1));
}

// A window column without a single date is an error naming it, wherever
// it stands in the header; one with dates is none, and a table whose rows
// were all malformed has nothing to say about its dates.
#[test]
fn a_window_column_without_dates_is_named_wherever_it_stands() {
    let csv = "order_date,email\n2026-11-15,a@example.de\n2026-11-16,b@example.de\n";
    let err = in_window(
        csv,
        "email",
        "2026-11-01T00:00:00+01:00",
        "2026-12-01T00:00:00+01:00",
    )
    .unwrap_err();
    assert!(
        matches!(&err, ScopeError::WindowNotDates { column, values: 2 } if column == "email"),
        "{err}"
    );
    let s = in_window(
        csv,
        "order_date",
        "2026-11-01T00:00:00+01:00",
        "2026-12-01T00:00:00+01:00",
    )
    .unwrap();
    assert_eq!((s.records, s.outside_window, s.undated.count), (2, 0, 0));
    let broken = "order_date,email\n2026-11-15\n2026-11-16\n";
    let s = in_window(
        broken,
        "order_date",
        "2026-11-01T00:00:00+01:00",
        "2026-12-01T00:00:00+01:00",
    )
    .unwrap();
    assert_eq!((s.records, s.malformed.count), (0, 2));
}

// Minors and the vulnerable flag come from a birth-date column with
// values: an empty one says nothing (`None`), adults only say none
// (`Some(0)`, not vulnerable for being children).
#[test]
fn minors_come_only_from_birth_dates_that_are_there() {
    let mut options = options();
    options.key = None;
    let empty = csv_scope("email,Geburtsdatum\na@example.de,\n", options.clone());
    assert_eq!(empty.columns[1].kind, ColumnKind::BirthDate);
    assert_eq!(
        (empty.minors, empty.facts.data_subjects.vulnerable),
        (None, None)
    );
    let adults = csv_scope(
        "email,Geburtsdatum\na@example.de,01.01.1980\n",
        options.clone(),
    );
    assert_eq!(
        (adults.minors, adults.facts.data_subjects.vulnerable),
        (Some(0), None)
    );
    let child = csv_scope(
        "email,Geburtsdatum\na@example.de,01.01.2015\n",
        options.clone(),
    );
    assert_eq!(child.minors, Some(1));
    assert!(child.facts.data_subjects.vulnerable.is_some());
    // A date of last week makes no newborn of a customer: only columns of
    // dates of birth (by header or override) keep minors in the summary.
    let text = "email,Bestelldatum,Datum\na@example.de,2026-11-02,01.01.2015\n";
    let mut by_override = options.clone();
    by_override
        .overrides
        .insert("Datum".into(), ColumnKind::BirthDate);
    for (options, minors) in [(options, [0, 0]), (by_override, [0, 1])] {
        let summary = read_csv(text.as_bytes(), options, Encoding::Utf8).unwrap();
        let stored = serde_json::to_value(&summary).unwrap();
        let kept: Vec<u64> = (1..=2)
            .map(|i| stored["columns"][i]["minors"]["rows"].as_u64().unwrap())
            .collect();
        assert_eq!(kept, minors);
    }
}

#[test]
fn residence_counts_the_rows_of_each_country() {
    let mut options = options();
    options.key = None;
    let s = csv_scope(
        "email,Land\na@example.de,DE\nb@example.de,Deutschland\nc@example.at,AT\n",
        options,
    );
    let rows: Vec<(&str, u64)> = s
        .residence
        .iter()
        .map(|c| (c.country.as_str(), c.rows))
        .collect();
    assert_eq!(rows, [("AT", 1), ("DE", 2)]);
}

#[test]
fn a_stored_summary_whose_columns_do_not_match_its_header_is_refused() {
    let summary = read_csv(ORDERS.as_bytes(), options(), Encoding::Utf8).unwrap();
    let mut stored = serde_json::to_value(&summary).unwrap();
    assert!(serde_json::from_value::<ScopeSummary>(stored.clone()).is_ok());
    stored["columns"].as_array_mut().unwrap().pop();
    let err = serde_json::from_value::<ScopeSummary>(stored).unwrap_err();
    assert!(
        err.to_string().contains("columns do not match its header"),
        "{err}"
    );
}

/// The recipients of CSV `text`: the scope's pass, then the second.
fn recipients_of(text: &str, options: ScopeOptions) -> dsgvo_core::scope::Recipients {
    let summary = read_csv(text.as_bytes(), options, Encoding::Utf8).unwrap();
    read_csv_recipients(text.as_bytes(), &summary, Encoding::Utf8).unwrap()
}

// Art. 34(1): the communication goes to each affected person — once,
// however many of their rows the table has, and in the window only those
// whose rows lie in it.
#[test]
fn the_generated_table_gives_each_affected_person_once() {
    let t = truth();
    let all = recipients_of(ORDERS, options());
    assert_eq!(
        all.recipients.len() as u64,
        t["all"]["subjects"].as_u64().unwrap()
    );
    let emails: std::collections::BTreeSet<String> = all
        .recipients
        .iter()
        .map(|r| r.email.as_deref().unwrap().to_lowercase())
        .collect();
    assert_eq!(emails.len(), all.recipients.len(), "one person, one letter");
    assert!(
        all.recipients
            .iter()
            .all(|r| !r.name.is_empty() && !r.name.contains('@'))
    );
    assert_eq!((all.unreachable.count, all.malformed.count), (0, 0));
    let window = recipients_of(ORDERS, windowed());
    assert_eq!(
        window.recipients.len() as u64,
        t["window"]["subjects"].as_u64().unwrap()
    );
}

// Each letter names the person's own data (Art. 34(2) with Art. 33(3)(a)):
// the categories of the columns filled in their rows, not of the whole
// table. Whoever the table gives neither a name nor an address for cannot
// be written to and is reported with their lines, never dropped.
#[test]
fn each_recipient_gets_their_own_categories_and_the_unreachable_are_reported() {
    let csv = "Kundennummer,Name,E-Mail,IBAN\n\
               1,Erika Muster,erika@example.de,\n\
               2,,max@example.at,\n\
               1,,,DE89370400440532013000\n\
               3,,,\n\
               broken\n\
               3,,,\n";
    let options = ScopeOptions {
        key: Some("Kundennummer".into()),
        ..ScopeOptions::new("2026-11-20".parse().unwrap())
    };
    let r = recipients_of(csv, options);
    let got: Vec<(&str, Option<&str>, Vec<&str>)> = r
        .recipients
        .iter()
        .map(|a| {
            let affected = a.affected.iter().map(|c| c.as_str()).collect();
            (a.name.as_str(), a.email.as_deref(), affected)
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Erika Muster",
                Some("erika@example.de"),
                vec!["identity", "contact", "bank_account"]
            ),
            (
                "max@example.at",
                Some("max@example.at"),
                vec!["identity", "contact"]
            ),
        ]
    );
    assert_eq!(
        (r.unreachable.count, r.unreachable.lines.clone()),
        (2, vec![5, 7])
    );
    assert_eq!((r.malformed.count, r.malformed.lines.clone()), (1, vec![6]));
    // The list is what the letters take.
    let json = serde_json::to_value(&r.recipients).unwrap();
    assert_eq!(
        json[1],
        json!({"name": "max@example.at", "email": "max@example.at", "affected": ["identity", "contact"]})
    );
}

#[test]
fn json_lines_give_the_same_recipients_and_another_table_is_refused() {
    let lines = "{\"id\": 1, \"name\": \"Erika Muster\", \"email\": \"erika@example.de\"}\n\
                 [1]\n\
                 {\"id\": 1, \"name\": \"\", \"email\": \"erika@example.de\"}\n";
    let options = ScopeOptions {
        key: Some("id".into()),
        ..ScopeOptions::new("2026-11-20".parse().unwrap())
    };
    let summary = read_json_lines(lines.as_bytes(), options.clone(), Encoding::Utf8).unwrap();
    let r = read_json_lines_recipients(lines.as_bytes(), &summary, Encoding::Utf8).unwrap();
    assert_eq!(r.recipients.len(), 1);
    assert_eq!(r.recipients[0].name, "Erika Muster");
    assert_eq!(r.malformed.lines, [2]);
    let other = "id,name\n1,Erika\n";
    let err = read_csv_recipients(other.as_bytes(), &summary, Encoding::Utf8).unwrap_err();
    assert!(matches!(err, ScopeError::Mismatch(_)), "{err}");
}

// A person with rows enough to fill the report keeps the count of all of
// them; the first e-mail address found is theirs, and a `{:?}` of the list
// shows counts, never a name.
#[test]
fn an_unreachable_person_with_many_rows_is_counted_whole_and_the_first_address_kept() {
    let mut csv =
        String::from("id,name,email\n1,Erika Muster,erika@example.de\n1,,erika.m@example.com\n");
    for _ in 0..25 {
        csv.push_str("2,,\n");
    }
    let options = ScopeOptions {
        key: Some("id".into()),
        ..ScopeOptions::new("2026-11-20".parse().unwrap())
    };
    let summary = read_csv(csv.as_bytes(), options, Encoding::Utf8).unwrap();
    let list = summary.recipients().unwrap();
    let debug = format!("{list:?}");
    assert!(
        debug.contains("people") && !debug.contains("Erika"),
        "{debug}"
    );
    let r = read_csv_recipients(csv.as_bytes(), &summary, Encoding::Utf8).unwrap();
    assert_eq!(r.recipients[0].email.as_deref(), Some("erika@example.de"));
    assert_eq!(r.unreachable.count, 25);
    assert_eq!(r.unreachable.lines, (4..24).collect::<Vec<u64>>());
}
