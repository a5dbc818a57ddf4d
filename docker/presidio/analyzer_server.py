"""Presidio Analyzer over HTTP, with the REST API and JSON of Presidio's official analyzer image.

POST /analyze, GET /supportedentities, GET /recognizers, GET /health. Serve with a WSGI server:
    gunicorn --bind 127.0.0.1:3000 analyzer_server:app

Request bodies and analysed text are never logged: errors are logged by exception class only.
"""

import json
import logging
import os
from pathlib import Path

import tldextract
from flask import Flask, Response, jsonify, request
from presidio_analyzer import AnalyzerEngine, AnalyzerRequest
from presidio_analyzer.nlp_engine import NlpEngineProvider
from werkzeug.exceptions import HTTPException

HEALTH_MESSAGE = "Presidio Analyzer service is up"
NLP_CONF_FILE = os.environ.get("NLP_CONF_FILE") or str(Path(__file__).with_name("nlp.yaml"))

log = logging.getLogger("presidio-server")

# Presidio's email recognizer validates domains with tldextract, which by default fetches the public suffix
# list from the internet on first use. The snapshot bundled with the package keeps answers deterministic and
# the server independent of the network.
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def create_engine() -> AnalyzerEngine:
    nlp_engine = NlpEngineProvider(conf_file=NLP_CONF_FILE).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=list(nlp_engine.get_supported_languages()))


def create_app(engine: AnalyzerEngine) -> Flask:
    app = Flask(__name__)

    @app.get("/health")
    def health():
        return HEALTH_MESSAGE

    @app.post("/analyze")
    def analyze():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return jsonify(error="Request body must be a JSON object"), 400
        req = AnalyzerRequest(body)
        if not req.text:
            return jsonify(error="No text provided"), 400
        if not req.language:
            return jsonify(error="No language provided"), 400
        texts = req.text if isinstance(req.text, list) else [req.text]
        try:
            results = [
                engine.analyze(
                    text=text,
                    language=req.language,
                    entities=req.entities,
                    correlation_id=req.correlation_id,
                    score_threshold=req.score_threshold,
                    return_decision_process=req.return_decision_process,
                    ad_hoc_recognizers=req.ad_hoc_recognizers,
                    context=req.context,
                    allow_list=req.allow_list,
                    allow_list_match=req.allow_list_match,
                    regex_flags=req.regex_flags,
                )
                for text in texts
            ]
        except (TypeError, ValueError) as e:
            log.warning("Rejected /analyze request: %s", type(e).__name__)
            return jsonify(error=f"Invalid /analyze request: {type(e).__name__}"), 400
        except Exception as e:
            log.error("AnalyzerEngine.analyze() failed: %s", type(e).__name__)
            return jsonify(error="Analysis failed"), 500
        payload = [[to_dto(r) for r in found] for found in results]
        return Response(
            json.dumps(payload if isinstance(req.text, list) else payload[0], sort_keys=True),
            content_type="application/json",
        )

    @app.get("/supportedentities")
    def supported_entities():
        try:
            return jsonify(engine.get_supported_entities(request.args.get("language")))
        except ValueError as e:
            log.warning("Rejected /supportedentities request: %s", type(e).__name__)
            return jsonify(error="Unsupported language"), 400

    @app.get("/recognizers")
    def recognizers():
        try:
            return jsonify([r.name for r in engine.get_recognizers(request.args.get("language"))])
        except ValueError as e:
            log.warning("Rejected /recognizers request: %s", type(e).__name__)
            return jsonify(error="Unsupported language"), 400

    @app.errorhandler(HTTPException)
    def http_exception(e):
        return jsonify(error=e.description), e.code

    return app


def to_dto(result) -> dict:
    """A result as the official image returns it: recognition_metadata is internal and left out."""
    explanation = result.analysis_explanation
    return {
        "analysis_explanation": explanation.to_dict() if explanation is not None else None,
        "end": result.end,
        "entity_type": result.entity_type,
        "score": result.score,
        "start": result.start,
    }


logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"), format="%(asctime)s %(levelname)s %(name)s %(message)s")
# Presidio logs every request's recognizer lookup at INFO; its warnings and errors still show.
logging.getLogger("presidio-analyzer").setLevel(os.environ.get("PRESIDIO_LOG_LEVEL", "WARNING"))
app = create_app(create_engine())
