# Facts documents for the packs' unit tests: the demo catalog and a plain request unless a test says otherwise.
package tollgate.testing

slm_local := {
	"id": "slm-local", "kind": "slm", "country": "DE", "provider": "tollgate",
	"dpa_signed": true, "trains_on_data": false, "scc_signed": false, "dpf_certified": false, "permitted": true, "high_risk_approved": true,
	"confidential_approved": false, "regulated_approved": false,
}

cloud_eu := {
	"id": "cloud-eu", "kind": "cloud", "country": "IE", "provider": "eu-provider",
	"dpa_signed": true, "trains_on_data": false, "scc_signed": false, "dpf_certified": false, "permitted": true, "high_risk_approved": false,
	"confidential_approved": false, "regulated_approved": false,
}

cloud_us := {
	"id": "cloud-us", "kind": "cloud", "country": "US", "provider": "us-provider",
	"dpa_signed": true, "trains_on_data": false, "scc_signed": false, "dpf_certified": false, "permitted": true, "high_risk_approved": false,
	"confidential_approved": false, "regulated_approved": false,
}

request := {
	"application": "claims-assistant", "purpose": "claims_handling", "ai_act_use_case": "none",
	"tenant_residency": "NONE", "controller_establishment": "DE", "task_type": "summarize", "token_count": 100, "language": "eng",
	"message_count": 1, "max_latency_ms": 0,
}

no_data := {"personal_data": false, "entity_types": [], "entity_counts": [], "categories": [], "special_category": false, "topics": []}

# The facts with these request fields, subject country, data and destinations changed.
facts(request_changes, country, data_changes, destinations) := {
	"request": object.union(request, request_changes),
	"subject": {"country": country},
	"data": object.union(no_data, data_changes),
	"destinations": destinations,
}

catalog := [slm_local, cloud_eu, cloud_us]

plain := facts({}, "DE", {}, catalog)

with_entities(types) := facts({}, "DE", {"personal_data": true, "entity_types": types}, catalog)

# The ids of the rules that fired; the order of reasons carries no meaning.
rule_ids(verdict) := {reason.rule | some reason in verdict.reasons}
