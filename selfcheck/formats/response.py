"""The response file format: a supervisor's view of one check-in, never the practitioner's notes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any, Final, Literal

from pydantic import Field, StrictBool, StrictStr, model_validator

from selfcheck.formats.checkin import MeetingKind, Minutes, TravellingStep
from selfcheck.formats.fields import (
    KEY_PATTERN,
    SHA256_PATTERN,
    SIGNATURE_PATTERN,
    Day,
    Identifier,
    Level,
    Moment,
    TravellingName,
    TypedText,
    _Strict,
)
from selfcheck.formats.signing import (
    PublicKey,
    canonical_bytes,
    public_key_of,
    sign,
    signature_holds,
)

RESPONSE_FORMAT = "selfcheck-response"
"""The `format` of a response file."""
RESPONSE_VERSION: Final = 2
"""The newest response format version: 2 adds `written` and the supervisor's `[signature]`."""


class ItemResponse(_Strict):
    """The supervisor's level on one item (or not yet assessable) and a comment."""

    rating: Level | None = None
    not_assessable: StrictBool = False
    comment: TypedText = ""

    @model_validator(mode="after")
    def _rating_or_not_assessable(self) -> ItemResponse:
        if self.rating is not None and self.not_assessable:
            raise ValueError("an item cannot have a rating and be not yet assessable")
        return self

    @property
    def empty(self) -> bool:
        """True when the supervisor has given nothing for this item."""
        return self.rating is None and not self.not_assessable and not self.comment

    @property
    def not_my_role(self) -> bool:
        """Always False: whether an item is part of the role is the practitioner's answer."""
        return False


class Meeting(_Strict):
    """A reflective supervision meeting: when, how long, one to one or in a group."""

    date: Day
    minutes: Minutes
    kind: MeetingKind = "individual"


class Signature(_Strict):
    """The supervisor's Ed25519 signature over the response's canonical content."""

    algorithm: Literal["ed25519"] = "ed25519"
    key: PublicKey
    value: Annotated[StrictStr, Field(pattern=SIGNATURE_PATTERN)]


class Response(_Strict):
    """A response file: the supervisor's levels, comments, agreed steps and the meeting."""

    format: Literal["selfcheck-response"] = "selfcheck-response"
    format_version: Literal[1, 2] = RESPONSE_VERSION
    checkin: Identifier
    practitioner_key: Annotated[StrictStr, Field(pattern=KEY_PATTERN, min_length=16)]
    rubric_sha256: Annotated[StrictStr, Field(pattern=SHA256_PATTERN)]
    supervisor: TravellingName = ""
    comment: TypedText = ""
    items: dict[Identifier, ItemResponse] = Field(default_factory=dict)
    next_steps: list[TravellingStep] = Field(default_factory=list)
    meeting: Meeting | None = None
    written: Moment | None = None
    """When the supervisor exported (and signed) the response; a replay is older."""
    signature: Signature | None = None

    @model_validator(mode="after")
    def _signed_as_version_2(self) -> Response:
        if self.format_version == 1 and (self.written or self.signature):
            raise ValueError("`written` and `signature` came with format_version 2")
        if self.signature is not None and self.written is None:
            raise ValueError("a signed response says when it was `written`")
        return self

    def item(self, item_id: str) -> ItemResponse:
        """The supervisor's answer for an item, an empty one when nothing was given."""
        return self.items.get(item_id) or ItemResponse()

    @property
    def empty(self) -> bool:
        """True when nothing has been given yet."""
        return (
            not self.comment
            and not self.next_steps
            and self.meeting is None
            and all(answer.empty for answer in self.items.values())
        )

    def to_toml_dict(self) -> dict[str, object]:
        """The response as plain data for a TOML writer, omitting empty optional parts."""
        return self._content("python")

    def signed_content(self) -> bytes:
        """The bytes the signature is made over: everything but the signature, canonically."""
        content = self._content("json")
        content.pop("signature", None)
        return canonical_bytes(content)

    @property
    def signature_holds(self) -> bool:
        """Whether the response is signed and unchanged since (by the key it names)."""
        signature = self.signature
        return signature is not None and signature_holds(
            signature.key, signature.value, self.signed_content()
        )

    def verified_by(self, trusted: Mapping[str, str]) -> bool:
        """Whether the signature holds and its key is the one trusted for this supervisor."""
        signature = self.signature
        return (
            signature is not None
            and trusted.get(self.supervisor) == signature.key
            and self.signature_holds
        )

    def signed(self, private_key: str, written: datetime) -> Response:
        """This response as exported: format version 2, dated `written`, signed with the key."""
        unsigned = self.model_copy(
            update={"format_version": RESPONSE_VERSION, "written": written, "signature": None}
        )
        value = sign(private_key, unsigned.signed_content())
        signature = Signature(key=public_key_of(private_key), value=value)
        return unsigned.model_copy(update={"signature": signature})

    def _content(self, mode: Literal["python", "json"]) -> dict[str, Any]:
        data = self.model_dump(mode=mode, exclude_none=True)
        data["items"] = {
            item_id: {k: v for k, v in answer.items() if k != "rating" or v is not None}
            for item_id, answer in data["items"].items()
            if not self.items[item_id].empty
        }
        for key in ("items", "next_steps"):
            if not data[key]:
                del data[key]
        return data
