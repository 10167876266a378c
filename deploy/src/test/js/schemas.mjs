// Validates rendered Kubernetes objects against the published schemas of their kinds, for
// net.notejam.deploy.Schemas. No cluster answers `kubectl apply --dry-run=server` here, so these
// schemas stand in for the API server:
//   - core kinds: npm kubernetes-models (the Kubernetes OpenAPI schema: types, enums, required);
//   - monitoring.coreos.com kinds: npm @kubernetes-models/prometheus-operator (the same, from the
//     operator's CRDs); likewise Argo CD, Argo Rollouts, Karpenter, External Secrets and KEDA from
//     their @kubernetes-models packages;
//   - every kind whose CustomResourceDefinition it is given (CloudNativePG, its Barman Cloud
//     plugin, the CSI snapshotter): the CRD's openAPIV3Schema, made as strict as the API server
//     is (see strict() below), with ajv.
// The model packages accept unknown fields, and no schema here looks into a custom resource's
// metadata beyond its types: the Java side checks those with fabric8 (StrictFields), which is why
// each verdict says whether unknown fields were checked.
//
// One process serves a whole test run, so that each CRD schema is compiled once (Cluster's takes
// about a second). stdin: a line {"crds": [CustomResourceDefinition, ...]}, then a line
// {"objects": [object, ...]} per request. stdout: a line per request, one verdict per object in
// order: {"schema": "what checked it" | null, "rejectsUnknownFields": boolean,
// "problems": [".spec.x: what is wrong", ...]}.
import { createInterface } from "node:readline";
import Ajv from "ajv";
import { ObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";

const MODEL_PACKAGES = [
  "kubernetes-models",
  "@kubernetes-models/prometheus-operator",
  "@kubernetes-models/argo-cd",
  "@kubernetes-models/argo-rollouts",
  "@kubernetes-models/karpenter",
  "@kubernetes-models/external-secrets",
  "@kubernetes-models/keda",
];

// The formats these CRDs use, checked as the API server does; any other format is not checked.
const FORMATS = {
  int32: { type: "number", validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 },
  int64: { type: "number", validate: Number.isSafeInteger },
  byte: /^[A-Za-z0-9+/]*={0,2}$/,
  "date-time": /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i,
};
// Go's regular expressions, as in the CRDs, compile in JavaScript without the u flag.
const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
Object.entries(FORMATS).forEach(([name, format]) => ajv.addFormat(name, format));

const compiled = new Map();
let crdSchemas;

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const request = JSON.parse(line);
  if (crdSchemas === undefined) {
    crdSchemas = servedVersions(request.crds);
    continue;
  }
  const verdicts = [];
  for (const object of request.objects) {
    verdicts.push(await verdict(object));
  }
  process.stdout.write(JSON.stringify(verdicts) + "\n");
}

async function verdict(object) {
  const { apiVersion, kind } = object;
  const crd = crdSchemas.get(`${apiVersion}/${kind}`);
  if (crd) {
    const validate = compiledSchema(crd);
    const problems = validate(object) ? [] : describeAll(validate.errors, object, "");
    const metadata = new ObjectMeta(object.metadata ?? {});
    problems.push(...modelProblems(metadata, object.metadata, ".metadata"));
    return { schema: `CRD ${crd.source}`, rejectsUnknownFields: true, problems: unique(problems) };
  }
  const model = await findModel(apiVersion, kind);
  if (model) {
    return {
      schema: `${model.pkg} ${apiVersion} ${kind}`,
      rejectsUnknownFields: false,
      problems: unique(modelProblems(new model.type(object), object, "")),
    };
  }
  return { schema: null, rejectsUnknownFields: false, problems: [] };
}

/** The model class of an apiVersion and kind, from the first package that has it. */
async function findModel(apiVersion, kind) {
  // Both become a module path: nothing else may reach import().
  const named = /^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) && /^[A-Za-z0-9]+$/.test(kind);
  if (!named) {
    return null;
  }
  for (const pkg of MODEL_PACKAGES) {
    try {
      const type = (await import(`${pkg}/${apiVersion}/${kind}`))[kind];
      if (type && type.apiVersion === apiVersion && type.kind === kind) {
        return { pkg, type };
      }
    } catch (e) {
      if (e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED" && e.code !== "ERR_MODULE_NOT_FOUND") {
        throw e;
      }
    }
  }
  return null;
}

function modelProblems(model, data, prefix) {
  try {
    model.validate();
    return [];
  } catch (e) {
    if (!Array.isArray(e.errors)) {
      throw e;
    }
    return describeAll(e.errors, data, prefix);
  }
}

/** apiVersion/kind -> the schema of each version the CRD serves. */
function servedVersions(crds) {
  const schemas = new Map();
  for (const crd of crds) {
    const { group, names } = crd.spec;
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      schemas.set(`${group}/${version.name}/${names.kind}`, {
        source: `${crd.metadata.name} ${version.name}`,
        schema: version.schema.openAPIV3Schema,
      });
    }
  }
  return schemas;
}

function compiledSchema(crd) {
  if (!compiled.has(crd.source)) {
    const schema = strict(crd.schema);
    // The API server checks metadata as ObjectMeta, whatever the CRD says (see verdict()).
    schema.properties = { ...schema.properties, metadata: { type: "object" } };
    compiled.set(crd.source, ajv.compile(schema));
  }
  return compiled.get(crd.source);
}

/**
 * The schema as the API server applies it. A structural schema prunes every field it does not
 * declare, so a misspelt field would silently vanish: here it is an error instead
 * (additionalProperties: false), except where the schema keeps unknown fields
 * (x-kubernetes-preserve-unknown-fields) or declares a map (additionalProperties). An
 * int-or-string is either; an embedded resource has apiVersion, kind and metadata. The other
 * x-kubernetes-* keys describe merges and CEL rules, which are not checked here. Within
 * anyOf/allOf/oneOf/not a structural schema only restricts values, so no field is refused there.
 */
function strict(schema, inJunctor = false) {
  if (Array.isArray(schema)) {
    return schema.map((s) => strict(s, inJunctor));
  }
  if (schema === null || typeof schema !== "object") {
    return schema;
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-kubernetes-") || (key === "format" && !(value in FORMATS))) {
      continue;
    }
    if (key === "properties") {
      out.properties = {};
      for (const [name, property] of Object.entries(value)) {
        out.properties[name] = strict(property, inJunctor);
      }
    } else if (key === "items" || key === "additionalProperties") {
      out[key] = strict(value, inJunctor);
    } else if (["anyOf", "allOf", "oneOf", "not"].includes(key)) {
      out[key] = strict(value, true);
    } else {
      out[key] = value;
    }
  }
  if (schema["x-kubernetes-int-or-string"]) {
    out.type = ["integer", "string"];
  }
  if (schema["x-kubernetes-embedded-resource"]) {
    const typeMeta = { apiVersion: { type: "string" }, kind: { type: "string" } };
    out.properties = { ...typeMeta, metadata: { type: "object" }, ...out.properties };
  }
  const object = out.type === "object" || out.properties !== undefined;
  const preserves = schema["x-kubernetes-preserve-unknown-fields"];
  if (object && !inJunctor && out.additionalProperties === undefined && !preserves) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * Each error as "path: what is wrong", the path in the style of StrictFields (.a.b[0].c). Where
 * a value has the wrong type, the anyOf branches it also fails say nothing more.
 */
function describeAll(errors, data, prefix) {
  const mistyped = new Set(
    errors
      .filter((e) => e.keyword === "type" && !/\/anyOf\//.test(e.schemaPath))
      .map((e) => e.instancePath),
  );
  return errors
    .filter((e) => !(mistyped.has(e.instancePath) && /\/anyOf(\/|$)/.test(e.schemaPath)))
    .map((e) => describe(e, data, prefix));
}

function describe(err, data, prefix) {
  const at = prefix + pathOf(err.instancePath);
  const value = JSON.stringify(valueAt(data, err.instancePath));
  const p = err.params ?? {};
  switch (err.keyword) {
    case "required":
      return `${at}.${p.missingProperty}: required field is missing`;
    case "additionalProperties":
      return `${at}${step(p.additionalProperty)}: unknown field (the API server would drop it)`;
    case "enum":
      return `${at}: ${value} is not one of ${JSON.stringify(p.allowedValues)}`;
    case "type":
      return `${at}: ${value} is not of type ${[p.type].flat().join(" or ")}`;
    default:
      return `${at}: ${err.message ?? err.keyword + " " + JSON.stringify(p)} (value ${value})`;
  }
}

function pathOf(pointer) {
  return segments(pointer).map(step).join("");
}

function step(segment) {
  if (/^\d+$/.test(segment)) {
    return `[${segment}]`;
  }
  return /^[A-Za-z0-9_-]+$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
}

function valueAt(data, pointer) {
  return segments(pointer).reduce((value, s) => value?.[s], data);
}

function segments(pointer) {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function unique(list) {
  return [...new Set(list)];
}
