"""The HTTP status of each Smartsheet error code that is not a 400.

A partial-success bulk write answers 200 and lists each failed item with only its ``errorCode``;
the status the same error carries as a whole response comes from the API's error table
(https://developers.smartsheet.com/api/smartsheet/error-codes). Codes not listed are 400s.
"""

from __future__ import annotations

_BY_STATUS: dict[int, tuple[int, ...]] = {
    401: (1001, 1002, 1003, 1005, 1030, 1067),
    403: (
        *(1004, 1013, 1014, 1015, 1016, 1017, 1021, 1022, 1026, 1039, 1045, 1047, 1048, 1049),
        *(1050, 1076, 1081, 1092, 1096, 1097, 1102, 1104, 1138, 1139, 1140, 1141, 1153, 1154),
        *(1173, 1174, 1175, 1180, 1181, 1186, 1187, 1188, 1192, 1212, 1232, 1269, 1270, 1271),
        *(1275, 1287, 1288, 1301),
    ),
    404: (1006, 1007, 1020, 1027, 1033, 1043, 1106, 1114, 1151, 1204),
    405: (1010, 1122),
    406: (1052,),
    410: (4005,),
    415: (1124,),
    429: (4003,),
    500: (1119, 1170, 1171, 1172, 1278, 1285, 4000, 4002, 4004, 5151, 5502),
    503: (4001,),
}

_STATUS: dict[int, int] = {code: status for status, codes in _BY_STATUS.items() for code in codes}


def status_for_code(code: int | None) -> int:
    """The HTTP status Smartsheet documents for ``code`` (400 when unknown or absent)."""
    return _STATUS.get(code, 400) if isinstance(code, int) else 400
