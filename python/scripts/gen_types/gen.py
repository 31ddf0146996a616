"""Generate cacheai/types from the runtime schema of the installed openai types (field names, annotations,
defaults, aliases, module layout). Only the schema is read; the emitted code and docstrings are our own."""
import ast, importlib, os, sys, types as pytypes, typing, collections.abc as cabc
from typing import get_origin, get_args, Literal, Union, Annotated
import typing_extensions as te
import pydantic_core
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from openai_reference import check_installed
check_installed()  # the installed openai must be the pinned reference
import openai
from openai._models import BaseModel as OBM
from openai._types import SequenceNotStr
from openai._types import FileTypes as _OPENAI_FILE_TYPES
_FILE_ARGS = set(get_args(_OPENAI_FILE_TYPES))

OUT = sys.argv[1]
ROOTS = {
 "openai.types.chat": ["ChatCompletion","ChatCompletionChunk","ChatCompletionMessage","ChatCompletionMessageToolCall",
   "ChatCompletionMessageFunctionToolCall","ChatCompletionMessageCustomToolCall","ChatCompletionTokenLogprob",
   "ChatCompletionAudio","ChatCompletionDeleted","ChatCompletionStoreMessage","ChatCompletionRole",
   "ChatCompletionMessageParam","ChatCompletionContentPartParam","ChatCompletionToolParam","ChatCompletionFunctionToolParam",
   "ChatCompletionCustomToolParam","ChatCompletionToolChoiceOptionParam","ChatCompletionStreamOptionsParam",
   "ChatCompletionPredictionContentParam","ChatCompletionAudioParam","ChatCompletionToolUnionParam",
   "ChatCompletionModality","ChatCompletionReasoningEffort","ChatCompletionNamedToolChoiceParam",
   "ChatCompletionNamedToolChoiceCustomParam","ChatCompletionAllowedToolChoiceParam","ChatCompletionAllowedToolsParam",
   "ChatCompletionFunctionCallOptionParam","ChatCompletionMessageToolCallParam","ChatCompletionMessageToolCallUnionParam",
   "ChatCompletionMessageFunctionToolCallParam","ChatCompletionMessageCustomToolCallParam","ChatCompletionMessageToolCallUnion",
   "ChatCompletionContentPartTextParam","ChatCompletionContentPartImageParam","ChatCompletionContentPartInputAudioParam",
   "ChatCompletionContentPartRefusalParam","ChatCompletionFunctionMessageParam","ChatCompletionToolMessageParam",
   "ChatCompletionSystemMessageParam","ChatCompletionDeveloperMessageParam","ChatCompletionUserMessageParam",
   "ChatCompletionAssistantMessageParam","ChatCompletionChunk","ChatCompletionContentPartText","ChatCompletionContentPartImage",
   ],
 "openai.types": ["Completion","CompletionChoice","CompletionUsage","Model","ModelDeleted","CreateEmbeddingResponse",
   "Embedding","EmbeddingModel","FileObject","FileDeleted","FilePurpose","Batch","BatchError","BatchRequestCounts","BatchUsage",
   "ChatModel","Metadata","Reasoning","ReasoningEffort","ResponseFormatText","ResponseFormatJSONObject","ResponseFormatJSONSchema",
   "FunctionDefinition","FunctionParameters","ErrorObject","AllModels","ResponsesModel","ComparisonFilter","CompoundFilter",
   "CustomToolInputFormat",
   # moderations, images, audio
   "Moderation","ModerationCreateResponse","ModerationModel","ModerationMultiModalInputParam","ModerationTextInputParam",
   "ModerationImageURLInputParam","Image","ImagesResponse","ImageModel","ImageGenStreamEvent","ImageEditStreamEvent",
   "ImageGenPartialImageEvent","ImageGenCompletedEvent","ImageEditPartialImageEvent","ImageEditCompletedEvent",
   "AudioModel","AudioResponseFormat"],
 "openai.types.audio": ["Transcription","TranscriptionVerbose","TranscriptionDiarized","TranscriptionSegment",
   "TranscriptionWord","TranscriptionStreamEvent","TranscriptionTextDeltaEvent","TranscriptionTextDoneEvent",
   "TranscriptionTextSegmentEvent","TranscriptionDiarizedSegment","TranscriptionInclude","TranscriptionCreateResponse",
   "Translation","TranslationVerbose","TranslationCreateResponse","SpeechModel",
   "Voice","VoiceDeleted","VoiceConsent","VoiceConsentDeleted"],
 "openai.types.responses": ["Response","ResponseStreamEvent","ResponseItem","ResponseInputItemParam","ResponseInputParam",
   "InputTokenCountResponse","ResponseOutputItem","ResponseOutputMessage","ResponseOutputText","ResponseUsage",
   "ResponseInputItem","ResponseErrorEvent","ResponseStatus","ResponseIncludable","Tool","ToolParam","ResponseInputTextParam",
   "EasyInputMessageParam","ResponseReasoningItem","ResponseFunctionToolCall","ResponseError","ResponseOutputRefusal",
   "ResponseTextConfig","ResponseTextConfigParam","ResponseInputText","ResponseInputImage","ResponseInputContent",
   "FunctionToolParam","ResponseOutputMessageParam","ResponseFunctionToolCallParam","ResponseReasoningItemParam",
   "ResponseFormatTextConfig","ResponseFormatTextConfigParam","ResponseInputImageParam","ResponseInputFileParam",
   "ResponseInputContentParam","ResponseInputMessageContentListParam","ResponsePromptParam","ResponseConversationParam",
   "ToolChoiceOptions","ToolChoiceFunctionParam","ResponseCreateParams","CompactedResponse"],
}
SKIP_ROOTS = {"ResponseCreateParams"}
ROOT_MODULES = ["openai.types.chat.completion_create_params", "openai.types.completion_create_params",
                "openai.types.chat.chat_completion_function_tool", "openai.types.embedding_create_params",
                # moderations, images, audio
                "openai.types.moderation_create_params", "openai.types.image_generate_params",
                "openai.types.audio.speech_create_params", "openai.types.image_edit_params",
                "openai.types.image_create_variation_params", "openai.types.audio.transcription_create_params",
                "openai.types.audio.translation_create_params"]

def is_model(t):
    return isinstance(t, type) and issubclass(t, OBM) and t is not OBM
def is_td(t):
    return isinstance(t, type) and te.is_typeddict(t)

modules = {}          # module name -> module
names_by_module = {}  # module -> ordered list of exported names we emit
def add_module(modname):
    if modname in modules or not modname.startswith("openai.types"):
        return
    m = importlib.import_module(modname)
    if os.path.basename(m.__file__) == "__init__.py":
        return
    modules[modname] = m
    exported = getattr(m, "__all__", None) or []
    own = [n for n, v in vars(m).items() if (is_model(v) or is_td(v)) and v.__module__ == modname
           and not n.startswith("_")]
    # every class defined in the module, plus the exported aliases, in definition order
    order = []
    src_text = open(m.__file__).read()
    for n, v in vars(m).items():
        foreign_class = (is_model(v) or is_td(v)) and v.__module__ != modname
        defined_alias = (not n.startswith("_") and get_origin(v) is not None
                         and (f"\n{n} = " in src_text or f"\n{n}: TypeAlias" in src_text))
        if (n in own or (n in exported and not foreign_class) or defined_alias
                or (foreign_class and not n.startswith("_") and (n in exported or v.__name__ != n))):
            order.append(n)
    names_by_module[modname] = order
    for n in order:
        walk(getattr(m, n))

def hints_of(t):
    if is_model(t):
        return [f.annotation for f in t.model_fields.values()]
    return list(typing.get_type_hints(t, include_extras=True).values())

seen = set()
def walk(t):
    if isinstance(t, type) and (is_model(t) or is_td(t)):
        if t in seen: return
        seen.add(t)
        add_module(t.__module__)
        for b in t.__bases__:
            if is_model(b) or (is_td(b)): walk(b)
        for h in hints_of(t): walk(h)
        return
    for a in get_args(t) if get_origin(t) is not None else ():
        walk(a)

def find_alias_module(pkg, name):
    m = importlib.import_module(pkg)
    v = getattr(m, name)
    if (is_model(v) or is_td(v)) and v.__name__ == name:
        return v.__module__
    # find the submodule that defines it in __all__
    pkgdir = os.path.dirname(m.__file__)
    for root, _, files in os.walk(pkgdir):
        for f in files:
            if not f.endswith(".py") or f == "__init__.py": continue
            rel = os.path.relpath(os.path.join(root, f), os.path.dirname(openai.__file__))[:-3].replace(os.sep, ".")
            text = open(os.path.join(root, f)).read()
            if f"\n{name}: TypeAlias" in text or f"\n{name} = " in text:
                return "openai." + rel
    raise LookupError(name)

import pkgutil
for _pkg in ("openai.types.shared", "openai.types.shared_params"):
    for _info in pkgutil.iter_modules(importlib.import_module(_pkg).__path__):
        ROOT_MODULES.append(f"{_pkg}.{_info.name}")
# Fine-tuning jobs, uploads, vector stores and webhooks: every module of their packages, and their top-level ones.
for _pkg in ("openai.types.fine_tuning", "openai.types.fine_tuning.jobs", "openai.types.fine_tuning.checkpoints",
             "openai.types.fine_tuning.alpha", "openai.types.uploads",
             "openai.types.vector_stores", "openai.types.webhooks"):
    for _info in pkgutil.iter_modules(importlib.import_module(_pkg).__path__):
        if not _info.ispkg:
            ROOT_MODULES.append(f"{_pkg}.{_info.name}")
ROOT_MODULES += [f"openai.types.{_name}" for _name in (
    "upload", "upload_create_params", "upload_complete_params", "vector_store", "vector_store_deleted",
    "vector_store_create_params", "vector_store_update_params", "vector_store_list_params",
    "vector_store_search_params", "vector_store_search_response", "file_chunking_strategy",
    "file_chunking_strategy_param", "file_content")]
for modname in ROOT_MODULES:
    add_module(modname)
for pkg, names in ROOTS.items():
    for n in names:
        if n in SKIP_ROOTS: continue
        add_module(find_alias_module(pkg, n))
        walk(getattr(importlib.import_module(pkg), n))

# ---------------------------------------------------------------- rendering
def target_module(modname):
    return "cacheai" + modname[len("openai"):]

class Ctx:
    def __init__(self, modname):
        self.modname = modname
        self.imports = {}    # (module, name) -> local name
        self.typing = set()
        self.te = set()
        self.abc = set()
        self.uses_builtins = False
        self.uses_field = False
        self.shadow = set()
        self.current = None
        self.reexports = set()
        self.local_names = set(names_by_module[modname])

def ref(ctx, t):
    if t.__module__ == ctx.modname:
        return t.__qualname__
    return ref_name(ctx, t.__module__, t.__qualname__)

def ref_name(ctx, mod, name):
    key = (target_module(mod), name)
    local = name
    if key not in ctx.imports:
        if (name in ctx.local_names and name not in ctx.reexports) or any(v == name for (m, _), v in ctx.imports.items() if m != key[0]):
            local = f"_{mod.rsplit('.', 1)[-1]}_{name}"
            if local in ctx.imports.values():
                raise RuntimeError(f"name clash {name} in {ctx.modname}")
        ctx.imports[key] = local
    return ctx.imports[key]

alias_of = {}  # id of alias value -> (module, name) for exported aliases, used for readability
def render(ctx, t, top=False):
    if t is type(None) or t is None:
        return "None"
    if t == _OPENAI_FILE_TYPES:  # a file to upload: cacheai's own alias (path, bytes, file object or tuple)
        return ref_name(ctx, "openai._files", "FileTypes")
    if t in (str, int, float, bool, object, bytes):
        n = t.__name__
        if n in ctx.shadow:
            ctx.uses_builtins = True
            return "builtins." + n
        return n
    if isinstance(t, type) and (is_model(t) or is_td(t)):
        return ref(ctx, t)
    o = get_origin(t)
    args = get_args(t)
    if o is Annotated or (hasattr(t, "__metadata__")):
        inner_t = t.__origin__
        inner = render(ctx, inner_t, top)
        disc = next((getattr(m, "discriminator", None) for m in t.__metadata__ if getattr(m, "discriminator", None)), None)
        if DISCRIMINATE and disc and " | " in inner and discriminable(inner_t, disc):
            ctx.typing.add("Annotated")
            ctx.uses_field = True
            return f"Annotated[{inner}, Field(discriminator={disc!r})]"
        return inner
    if o in (Union, pytypes.UnionType):
        if _FILE_ARGS <= set(args):  # FileTypes flattened into a wider union (`FileTypes | Sequence[FileTypes]`)
            others = [render(ctx, a) for a in args if a not in _FILE_ARGS]
            return " | ".join([ref_name(ctx, "openai._files", "FileTypes"), *others])
        rest = tuple(a for a in args if a is not type(None))
        key = Union[rest] if len(rest) > 1 else None
        if key is not None and not top:
            hit = ALIASES.get((ctx.modname, key)) or ALIASES.get((None, key))
            if hit is not None and hit != ctx.current:
                name = hit[1] if hit[0] == ctx.modname else ref_name(ctx, hit[0], hit[1])
                return name + (" | None" if len(rest) < len(args) else "")
        parts = [render(ctx, a) for a in args]
        return " | ".join(parts)
    if o is Literal:
        hit = ALIASES.get((ctx.modname, t)) or ALIASES.get((None, t))
        if hit is not None and hit != ctx.current and not top:
            return hit[1] if hit[0] == ctx.modname else ref_name(ctx, hit[0], hit[1])
        ctx.typing.add("Literal")
        return "Literal[" + ", ".join(repr(a) for a in args) + "]"
    if o is list:
        return f"list[{render(ctx, args[0])}]"
    if o is dict:
        return f"dict[{render(ctx, args[0])}, {render(ctx, args[1])}]"
    if o is cabc.Iterable:
        ctx.abc.add("Iterable")
        return f"Iterable[{render(ctx, args[0])}]"
    if o is SequenceNotStr or o is cabc.Sequence:
        ctx.abc.add("Sequence")
        return f"Sequence[{render(ctx, args[0])}]"
    if o in (te.Required, typing.Required):
        ctx.te.add("Required")
        return f"Required[{render(ctx, args[0])}]"
    if o in (te.NotRequired, typing.NotRequired):
        return render(ctx, args[0])
    raise TypeError(f"cannot render {t!r} in {ctx.modname}")

DOCS = {}
EXTRA_BODY = {}
DISCRIMINATE = os.environ.get("DISCRIMINATE") == "1"


def discriminable(union_t, field):
    variants = get_args(union_t)
    tags = []
    for v in variants:
        if not is_model(v) or field not in v.model_fields:
            return False
        f = v.model_fields[field]
        if not f.is_required() or get_origin(f.annotation) is not Literal:
            return False
        tags.extend(get_args(f.annotation))
    return len(tags) == len(set(tags))

def same_module_deps(t, modname):
    out = set()
    def w(x):
        if isinstance(x, type) and (is_model(x) or is_td(x)):
            if x.__module__ == modname: out.add(x.__qualname__)
            return
        for a in get_args(x) if get_origin(x) is not None else ():
            w(a)
    if isinstance(t, type) and (is_model(t) or is_td(t)):
        for b in t.__bases__:
            if (is_model(b) or is_td(b)) and b.__module__ == modname: out.add(b.__qualname__)
        if is_model(t):
            own = t.__annotations__.keys()
            for n, f in t.model_fields.items():
                if n in own: w(f.annotation)
        else:
            for n, h in typing.get_type_hints(t, include_extras=True).items(): w(h)
    else:
        w(t)
    return out

def own_fields_model(t):
    own = list(t.__dict__.get("__annotations__", {}).keys())
    return [(n, t.model_fields[n]) for n in own if n in t.model_fields]

def emit_module(modname):
    m = modules[modname]
    ctx = Ctx(modname)
    body = []
    order = names_by_module[modname]
    # topological order, stable
    deps = {n: same_module_deps(getattr(m, n), modname) - {n} for n in order}
    done, seq = set(), []
    def visit(n, stack=()):
        if n in done: return
        if n in stack: raise RuntimeError(f"cycle {modname} {n}")
        for d in sorted(deps[n], key=order.index): visit(d, stack + (n,))
        done.add(n); seq.append(n)
    for n in order: visit(n)
    all_names = []
    pieces = {}
    for n in seq:
        start = len(body)
        v = getattr(m, n)
        if (is_model(v) or is_td(v)) and v.__module__ != modname:
            if v.__name__ == n:
                ctx.imports[(target_module(v.__module__), n)] = n
                ctx.reexports.add(n)
            else:
                body.append(f"{n} = {ref(ctx, v)}")
        elif is_model(v):
            bases = [b for b in v.__bases__ if is_model(b)]
            base = ref(ctx, bases[0]) if bases else "BaseModel"
            if not bases: ctx.imports[("cacheai._models", "BaseModel")] = "BaseModel"
            lines = [f"class {n}({base}):"]
            if (modname.rsplit('.', 1)[-1], n) in DOCS: lines.append(f'    """{DOCS[(modname.rsplit(".", 1)[-1], n)]}"""\n')
            fields = own_fields_model(v)
            ctx.shadow = set(v.model_fields)
            for fname, f in fields:
                ann = render(ctx, f.annotation)
                if f.default_factory is not None:
                    raise RuntimeError(f"factory {modname}.{n}.{fname}")
                has_default = f.default is not pydantic_core.PydanticUndefined
                if f.alias and f.alias != fname:
                    ctx.uses_field = True
                    d = f"default={f.default!r}, " if has_default else ""
                    lines.append(f"    {fname}: {ann} = Field({d}alias={f.alias!r})")
                elif has_default:
                    lines.append(f"    {fname}: {ann} = {f.default!r}")
                else:
                    lines.append(f"    {fname}: {ann}")
            if not fields and (modname.rsplit('.', 1)[-1], n) not in DOCS and n not in EXTRA_BODY:
                lines.append("    pass")
            if n in EXTRA_BODY:
                lines.append(EXTRA_BODY[n])
            body.append("\n".join(lines))
        elif is_td(v):
            bases = [b for b in getattr(v, "__orig_bases__", ()) if is_td(b) and not b.__name__.startswith("_")]
            ctx.te.add("TypedDict")
            base = ref(ctx, bases[0]) if bases else "TypedDict"
            lines = [f"class {n}({base}, total=False):"]
            if (modname.rsplit('.', 1)[-1], n) in DOCS: lines.append(f'    """{DOCS[(modname.rsplit(".", 1)[-1], n)]}"""\n')
            hints = typing.get_type_hints(v, include_extras=True)
            own = list(v.__dict__.get("__annotations__", {}).keys())
            if bases:
                inherited_keys = set(typing.get_type_hints(bases[0]))
                own = [k for k in own if k not in inherited_keys]
            ctx.shadow = set(hints)
            import keyword
            rendered = {}
            for fname in own:
                h = hints[fname]
                is_req = False
                # strip Annotated wrappers (PropertyInfo) and Required, then re-add Required by required keys
                while get_origin(h) in (Annotated, te.Required, typing.Required, te.NotRequired, typing.NotRequired):
                    if get_origin(h) in (te.Required, typing.Required): is_req = True
                    h = get_args(h)[0] if get_origin(h) is not Annotated else h.__origin__
                ann = render(ctx, h)
                if is_req:
                    ctx.te.add("Required")
                    ann = f"Required[{ann}]"
                rendered[fname] = ann
            reserved = [f for f in own if keyword.iskeyword(f)]
            if reserved:
                kw = f"_{n}Keywords"
                items = ", ".join(f'"{f}": {rendered[f]}' for f in reserved)
                body.append(f'# Keys that are Python keywords need the functional syntax.\n{kw} = TypedDict("{kw}", {{{items}}}, total=False)')
                lines[0] = f"class {n}({kw}, total=False):"
            for fname in own:
                if fname not in reserved:
                    lines.append(f"    {fname}: {rendered[fname]}")
            own = [f for f in own if f not in reserved]
            if not own and (modname.rsplit('.', 1)[-1], n) not in DOCS:
                lines.append("    pass")
            body.append("\n".join(lines))
        else:
            ctx.shadow = set()
            ctx.te.add("TypeAlias")
            ctx.current = (modname, n)
            body.append(f"{n}: TypeAlias = {render(ctx, v, top=True)}")
            ctx.current = None
        all_names.append(n)
        pieces[n] = body[start:]
    # order by the names each piece actually mentions (aliases included), keeping the original order otherwise
    import re
    mentions = {n: set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", "\n".join(p))) & set(pieces) - {n}
                for n, p in pieces.items()}
    done2, seq2 = set(), []
    def visit2(n, stack=()):
        if n in done2: return
        if n in stack: raise RuntimeError(f"cycle {modname} {n} {stack}")
        for d in sorted(mentions[n], key=seq.index): visit2(d, stack + (n,))
        done2.add(n); seq2.append(n)
    for n in seq: visit2(n)
    body = [b for n in seq2 for b in pieces[n]]
    head = []
    if ctx.uses_builtins: head.append("import builtins")
    if ctx.abc: head.append(f"from collections.abc import {', '.join(sorted(ctx.abc))}")
    if ctx.typing: head.append(f"from typing import {', '.join(sorted(ctx.typing))}")
    if ctx.uses_field: head.append("from pydantic import Field")
    if ctx.te: head.append(f"from typing_extensions import {', '.join(sorted(ctx.te))}")
    # relative imports
    me = target_module(modname).split(".")
    for (mod, name), local in sorted(ctx.imports.items()):
        parts = mod.split(".")
        common = 0
        while common < min(len(parts), len(me) - 1) and parts[common] == me[common]: common += 1
        up = len(me) - 1 - common
        rel = "." * (up + 1) + ".".join(parts[common:])
        head.append(f"from {rel} import {name}" + (f" as {local}" if local != name or name in ctx.reexports else ""))
    all_line = "__all__ = [" + ", ".join(f'"{n}"' for n in sorted(all_names)) + "]"
    src = '"""' + MODULE_DOC + '"""\n\n' + "\n".join(head) + "\n\n" + all_line + "\n\n\n" + "\n\n\n".join(body) + "\n"
    path = os.path.join(OUT, *target_module(modname).split(".")[1:]) + ".py"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(src)

MODULE_DOC = "{doc}"
def strip(t):
    while get_origin(t) is Annotated or hasattr(t, "__metadata__"):
        t = t.__origin__
    return t
ALIASES = {}
for modname in modules:
    m = modules[modname]
    for n in names_by_module[modname]:
        v = strip(getattr(m, n))
        lits = tuple(a for a in get_args(v) if a is not type(None)) if get_origin(v) in (Union, pytypes.UnionType) else (v,)
        if len(lits) == 1 and get_origin(lits[0]) is Literal and len(get_args(lits[0])) >= 2:
            ALIASES.setdefault((modname, lits[0]), (modname, n))
            if ".shared" in modname or len(get_args(lits[0])) >= 8:
                ALIASES.setdefault((None, lits[0]), (modname, n))
            continue
        if get_origin(v) in (Union, pytypes.UnionType):
            rest = tuple(a for a in get_args(v) if a is not type(None))
            if len(rest) < 2: continue
            k = Union[rest]
            ALIASES[(modname, k)] = (modname, n)
            if n in (getattr(m, "__all__", None) or []):
                ALIASES.setdefault((None, k), (modname, n))
exec(open(os.path.join(os.path.dirname(__file__), "extras.py")).read())

for modname in sorted(modules):
    MODULE_DOC = MODULE_DOCS.get(modname.rsplit(".", 1)[-1], "API types mirroring `" + modname + "`.")
    emit_module(modname)

# ---------------------------------------------------------------- package __init__ files
generated = {target_module(m) for m in modules}
pkgs = sorted({m.rsplit(".", 1)[0] for m in modules})
for pkg in pkgs:
    init = importlib.import_module(pkg).__file__
    tree = ast.parse(open(init).read())
    lines = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            sub = target_module(pkg) + ("." + node.module if node.module else "")
            names = []
            for a in node.names:
                if sub in generated:
                    if a.name in names_by_module[pkg + "." + node.module]:
                        names.append(a.name)
                elif node.module and "." not in node.module and target_module(pkg + "." + node.module) in {p.rsplit('.',1)[0] for p in generated} | {target_module(x) for x in pkgs}:
                    # re-export from a subpackage (e.g. `.shared`): keep it when that subpackage provides it
                    subpkg = pkg + "." + node.module
                    provided = {n for mm in modules if mm.rsplit(".", 1)[0] == subpkg for n in names_by_module[mm]}
                    if a.name in provided: names.append(a.name)
            if names:
                lines.append((node.module, names))
    doc = PKG_DOCS.get(pkg, "API types.") + "\n\nNames are imported from their modules on first use, so importing the package is cheap.\n"
    out = ['"""' + doc + '"""', "", "from typing import TYPE_CHECKING", "", "from cacheai._lazy import lazy_exports", ""]
    taken = set()
    where = {}
    for mod, names in lines + [(m, ns) for m, ns in PKG_EXTRA.get(pkg, [])]:
        names = [n for n in names if n not in taken]
        taken.update(names)
        for n in names:
            where[n] = mod
    out.append("if TYPE_CHECKING:")
    by_mod = {}
    for n, mod in where.items():
        by_mod.setdefault(mod, []).append(n)
    for mod, names in by_mod.items():
        out.append(f"    from .{mod} import " + ", ".join(names))
    out.append("")
    out.append("__all__ = [" + ", ".join(f'"{n}"' for n in sorted(where)) + "]")
    out.append("")
    out.append("_MODULE_OF: dict[str, str] = {" + ", ".join(f'"{n}": ".{m}"' for n, m in sorted(where.items())) + "}")
    subpkgs = sorted(x.rsplit(".", 1)[1] for x in pkgs if x.rsplit(".", 1)[0] == pkg)
    out.append("# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.")
    out.append("_SUBPACKAGES: tuple[str, ...] = (" + "".join(f'"{x}", ' for x in subpkgs) + ")")
    out.append(LAZY_TAIL)
    path = os.path.join(OUT, *target_module(pkg).split(".")[1:], "__init__.py")
    open(path, "w").write("\n".join(out) + "\n")
print(len(seen), "classes", len(modules), "modules", pkgs)
