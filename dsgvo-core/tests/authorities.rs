//! Competent authorities: § 40 BDSG, BfDI for telecoms, lead authority,
//! controllers outside the EU (EDPB 9/2022 para 73); and the embedded
//! directory equals the reference it was copied from.

mod common;

use common::{shared_original, verdict, with};
use serde_json::json;

fn ids(facts: serde_json::Value) -> (Vec<String>, Vec<String>) {
    let v = verdict(facts);
    (
        v.authorities.iter().map(|a| a.id.clone()).collect(),
        v.open_questions,
    )
}

#[test]
fn embedded_directory_equals_the_shared_reference() {
    let Some(original) = shared_original("reference/authorities.json") else {
        return; // nothing beside the repository: the embedded copy is the reference
    };
    let shared: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(original).unwrap()).unwrap();
    let embedded = serde_json::to_value(dsgvo_core::authority::directory()).unwrap();
    assert_eq!(
        embedded, shared,
        "copy shared/reference/authorities.json to dsgvo-core/data/"
    );
}

#[test]
fn german_company_goes_to_the_authority_of_its_land() {
    assert_eq!(ids(with(json!({}))).0, ["de-by-lda"]);
    assert_eq!(
        ids(with(json!({ "controller": { "region": "DE-NW" } }))).0,
        ["de-nw"]
    );
    let v = verdict(with(json!({ "controller": { "region": "DE-NW" } })));
    assert_eq!(
        v.authorities[0].breach_form_url, None,
        "no confirmed NRW form URL: none is invented"
    );
}

#[test]
fn telecom_provider_goes_to_the_bfdi() {
    assert_eq!(
        ids(with(
            json!({ "controller": { "contexts": ["telecom_provider"] } })
        ))
        .0,
        ["de-bund-bfdi"]
    );
}

#[test]
fn eu_controller_goes_to_its_lead_authority_even_for_cross_border_breaches() {
    let facts = with(json!({
        "controller": { "country": "AT", "region": null },
        "data_subjects": { "residence": ["AT", "DE", "FR"] }
    }));
    assert_eq!(ids(facts.clone()).0, ["at-dsb"]);
    assert!(common::codes(&verdict(facts)).contains(&"authority_lead"));
}

#[test]
fn non_eu_controller_notifies_every_authority_where_people_live() {
    let facts = with(json!({
        "controller": { "country": "US", "region": null, "established_in_eu": false },
        "data_subjects": { "residence": ["FR", "NL", "DE"] }
    }));
    let (found, open) = ids(facts);
    assert_eq!(found, ["fr-cnil", "nl-ap"]);
    assert_eq!(
        open,
        ["representative.region"],
        "the German Land of the representative is open"
    );
    // The representative's Land answers it (Art. 27; EDPB 9/2022 para 73).
    let facts = with(json!({
        "controller": { "country": "US", "region": null, "established_in_eu": false },
        "representative": { "country": "DE", "region": "DE-BE" },
        "data_subjects": { "residence": ["FR", "NL", "DE"] }
    }));
    let (found, open) = ids(facts);
    assert_eq!(found, ["fr-cnil", "nl-ap", "de-be"]);
    assert!(open.is_empty(), "{open:?}");
    // Only German residents: still an authority (the representative's Land).
    let facts = with(json!({
        "controller": { "country": "US", "region": null, "established_in_eu": false },
        "representative": { "country": "DE", "region": "DE-HH" },
        "data_subjects": { "residence": ["DE"] }
    }));
    assert_eq!(ids(facts).0, ["de-hh"]);

    let facts = with(json!({
        "controller": { "country": "US", "region": null, "established_in_eu": false },
        "data_subjects": { "residence": [] }
    }));
    assert_eq!(
        ids(facts),
        (vec![], vec!["data_subjects.residence".to_string()])
    );
}
