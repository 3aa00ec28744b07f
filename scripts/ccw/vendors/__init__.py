"""The vendor exports the loader reads, one module each, by `source_system`."""

from __future__ import annotations

from ccw.spec import VendorSpec
from ccw.vendors import buzzeasy, ccai_platform, cxengage, kore_smartassist, nice_cxone

VENDORS: dict[str, VendorSpec] = {
    spec.source_system: spec
    for spec in (
        cxengage.SPEC,
        nice_cxone.SPEC,
        buzzeasy.SPEC,
        kore_smartassist.SPEC,
        ccai_platform.SPEC,
    )
}
