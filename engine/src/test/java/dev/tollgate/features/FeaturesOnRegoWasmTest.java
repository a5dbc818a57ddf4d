package dev.tollgate.features;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

/** The compliance officers' scenarios in features/, over HTTP, decided by the Rego packs evaluated in-process (Wasm) only. */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("../features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME,
        value = "dev.tollgate.cli.policy.steps,dev.tollgate.features.engines.regowasm")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "summary")
class FeaturesOnRegoWasmTest {
}
