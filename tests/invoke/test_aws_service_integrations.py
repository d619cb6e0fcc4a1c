"""AWS service integrations (type AWS, a service other than Lambda; spec §8.5, issue 17): the integration request is
sent through botocore as the service's call, so moto's `mock_aws`, active beside `mock_apigateway()`, answers it.

Black-box: the API is built through `boto3.client("apigateway")`, called with `requests` (or `apigw.invoke`), and
what the service did is read back through moto with boto3. [INF]/[UNK] choices checked here (module docstrings of
`invoke/integrations/aws_service.py` and `transport/aws_services.py`): the query protocols' JSON answers for the
default `Accept: application/json`, the account of the `credentials` role, and the 500 configuration error (with
its log text) when nothing answers.
"""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import boto3
import pytest
import requests
from moto import mock_aws

from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.server import running_server
from apigw_mock.transport import aws_services
from tests.invoke.builder import REGION, ApiBuilder

ROOT = Path(__file__).resolve().parents[2]
ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/apigw-service-role"
PUT_PET = (
    '{"TableName": "pets", "Item": {"kind": {"S": "$input.path(\'$.kind\')"}, "id": {"S": "$input.path(\'$.id\')"}, '
    '"name": {"S": "$input.path(\'$.name\')"}}}'
)
GET_PET = '{"TableName": "$stageVariables.table", "Key": {"kind": {"S": "dog"}, "id": {"S": "$input.params(\'id\')"}}}'
PET = '#set($pet = $input.path(\'$.Item\')){"id": "$pet.id.S", "name": "$pet.name.S"}'
QUERY_PETS = (
    '{"TableName": "pets", "KeyConditionExpression": "kind = :kind", '
    '"ExpressionAttributeValues": {":kind": {"S": "$input.params(\'kind\')"}}}'
)
PETS = (
    "#set($items = $input.path('$.Items'))"
    '{"pets": [#foreach($item in $items){"id": "$item.id.S", "name": "$item.name.S"}#if($foreach.hasNext),#end#end]}'
)


@pytest.fixture
def moto() -> Iterator[None]:
    with mock_aws():
        yield


@pytest.fixture
def api(moto: None, client: Any) -> ApiBuilder:
    """An API under both mocks: moto started first, then `mock_apigateway()` (the `client` fixture)."""
    return ApiBuilder(client)


def service(uri: str, template: str | None = None, verb: str = "POST", **extra: Any) -> dict[str, Any]:
    """A type-AWS integration of `uri` (a request template for application/json if given)."""
    integration = {"type": "AWS", "integrationHttpMethod": verb, "uri": uri, "credentials": ROLE, **extra}
    if template is not None:
        integration["requestTemplates"] = {"application/json": template}
    return integration


def action(service_name: str, name: str) -> str:
    return f"arn:aws:apigateway:{REGION}:{service_name}:action/{name}"


def ok(template: str | None = None, **response: Any) -> dict[str, dict[str, Any]]:
    """A default 200 integration response, with a response template if given."""
    if template is not None:
        response["responseTemplates"] = {"application/json": template}
    return {"200": {"selectionPattern": "", **response}}


def aws(name: str) -> Any:
    return boto3.client(name, region_name=REGION)


def pets_table() -> Any:
    dynamodb = aws("dynamodb")
    dynamodb.create_table(
        TableName="pets",
        KeySchema=[{"AttributeName": "kind", "KeyType": "HASH"}, {"AttributeName": "id", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "kind", "AttributeType": "S"},
            {"AttributeName": "id", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    return dynamodb


# ---- DynamoDB: the classic API Gateway -> DynamoDB API -------------------------------------------------------


def test_dynamodb_put_item_from_a_request_template_then_get_item_and_query_through_response_templates(
    api: ApiBuilder,
) -> None:
    dynamodb = pets_table()
    api.method("/pets", "POST", service(action("dynamodb", "PutItem"), PUT_PET), ok('{"stored": true}'))
    api.method("/pets", "GET", service(action("dynamodb", "Query"), QUERY_PETS), ok(PETS))
    api.method("/pets/{id}", "GET", service(action("dynamodb", "GetItem"), GET_PET), ok(PET))
    api.deploy(variables={"table": "pets"})

    for pet in ({"kind": "dog", "id": "1", "name": "Rex"}, {"kind": "dog", "id": "2", "name": "Fido"}):
        stored = requests.post(api.url("/pets"), json=pet)
        assert (stored.status_code, stored.json()) == (200, {"stored": True})
    requests.post(api.url("/pets"), json={"kind": "cat", "id": "3", "name": "Tom"})

    assert dynamodb.get_item(TableName="pets", Key={"kind": {"S": "dog"}, "id": {"S": "1"}})["Item"]["name"] == {
        "S": "Rex"
    }
    one = requests.get(api.url("/pets/2"))
    assert (one.status_code, one.json()) == (200, {"id": "2", "name": "Fido"})
    assert one.headers["Content-Type"] == "application/json"
    dogs = requests.get(api.url("/pets?kind=dog"))
    assert dogs.json() == {"pets": [{"id": "1", "name": "Rex"}, {"id": "2", "name": "Fido"}]}


def test_without_a_response_template_the_service_body_passes_through(api: ApiBuilder) -> None:
    pets_table().put_item(TableName="pets", Item={"kind": {"S": "dog"}, "id": {"S": "1"}, "name": {"S": "Rex"}})
    api.method("/pets/{id}", "GET", service(action("dynamodb", "GetItem"), GET_PET), ok())
    api.deploy(variables={"table": "pets"})

    answer = requests.get(api.url("/pets/1"))
    assert answer.json() == {"Item": {"kind": {"S": "dog"}, "id": {"S": "1"}, "name": {"S": "Rex"}}}
    assert answer.headers["Content-Type"] == "application/x-amz-json-1.0"  # the service's, as no template chose one


def test_a_service_error_goes_through_selection_patterns_to_a_4xx_method_response(api: ApiBuilder) -> None:
    pets_table()
    responses = {
        **ok(PET),
        "400": {
            "selectionPattern": "4\\d{2}",
            "responseTemplates": {"application/json": '{"error": "$input.path(\'$.message\')"}'},
            "responseParameters": {
                "method.response.header.X-Service-Error": "integration.response.header.X-Amzn-ErrorType"
            },
        },
    }
    api.method("/pets/{id}", "GET", service(action("dynamodb", "GetItem"), GET_PET), responses)
    api.deploy(variables={"table": "no-such-table"})

    answer = requests.get(api.url("/pets/1"))
    assert (answer.status_code, answer.json()) == (400, {"error": "Requested resource not found"})
    assert answer.headers["X-Service-Error"] == "ResourceNotFoundException"


def test_test_invoke_method_logs_the_service_call(api: ApiBuilder, client: Any) -> None:
    pets_table().put_item(TableName="pets", Item={"kind": {"S": "dog"}, "id": {"S": "1"}, "name": {"S": "Rex"}})
    resource = api.method("/pets/{id}", "GET", service(action("dynamodb", "GetItem"), GET_PET), ok(PET))

    out = client.test_invoke_method(
        restApiId=api.id,
        resourceId=resource,
        httpMethod="GET",
        pathWithQueryString="/pets/1",
        stageVariables={"table": "pets"},
    )
    assert (out["status"], json.loads(out["body"])) == (200, {"id": "1", "name": "Rex"})
    log = out["log"]
    assert f"Endpoint request URI: https://dynamodb.{REGION}.amazonaws.com/" in log
    assert 'Endpoint request body after transformations: {"TableName": "pets", "Key"' in log
    assert "Received response. Status: 200, Integration latency: " in log
    assert 'Endpoint response body before transformations: {"Item": ' in log


def test_the_credentials_role_names_the_account_whose_resources_are_called(api: ApiBuilder) -> None:
    other = "111111111111"
    keys = aws("sts").assume_role(RoleArn=f"arn:aws:iam::{other}:role/owner", RoleSessionName="owner-session")[
        "Credentials"
    ]
    theirs = boto3.client(
        "dynamodb",
        region_name=REGION,
        aws_access_key_id=keys["AccessKeyId"],
        aws_secret_access_key=keys["SecretAccessKey"],
        aws_session_token=keys["SessionToken"],
    )
    theirs.create_table(
        TableName="ledger",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    template = '{"TableName": "ledger", "Item": {"id": {"S": "$input.path(\'$.id\')"}}}'
    statuses = {**ok(), "400": {"selectionPattern": "400"}}
    api.method(
        "/theirs",
        "POST",
        service(action("dynamodb", "PutItem"), template, credentials=f"arn:aws:iam::{other}:role/apigw"),
        statuses,
    )
    api.method("/ours", "POST", service(action("dynamodb", "PutItem"), template), statuses)
    api.deploy()

    assert requests.post(api.url("/theirs"), json={"id": "a"}).status_code == 200
    assert theirs.scan(TableName="ledger")["Count"] == 1
    assert requests.post(api.url("/ours"), json={"id": "b"}).status_code == 400  # no such table in our account


# ---- S3: REST protocol, by path -------------------------------------------------------------------------------


def test_s3_put_object_and_get_object_by_path(api: ApiBuilder) -> None:
    s3 = aws("s3")
    s3.create_bucket(Bucket="apigw-files")
    params = {"requestParameters": {"integration.request.path.key": "method.request.path.name"}}
    uri = f"arn:aws:apigateway:{REGION}:s3:path/apigw-files/docs/{{key}}"
    declared = {"requestParameters": {"method.request.path.name": True}}
    statuses = {**ok(), "404": {"selectionPattern": "404"}}
    api.method("/files/{name}", "PUT", service(uri, verb="PUT", **params), ok(), **declared)
    api.method("/files/{name}", "GET", service(uri, verb="GET", **params), statuses, **declared)
    api.deploy()

    put = requests.put(api.url("/files/hello.txt"), data=b"hello, bucket", headers={"Content-Type": "text/plain"})
    assert put.status_code == 200
    stored = s3.get_object(Bucket="apigw-files", Key="docs/hello.txt")
    assert (stored["Body"].read(), stored["ContentType"]) == (b"hello, bucket", "text/plain")

    got = requests.get(api.url("/files/hello.txt"))
    assert (got.status_code, got.text, got.headers["Content-Type"]) == (200, "hello, bucket", "text/plain")
    missing = requests.get(api.url("/files/nope.txt"))
    assert missing.status_code == 404
    assert "<Code>NoSuchKey</Code>" in missing.text  # S3's own XML error, passed through


def test_s3_bucket_subdomain_form_and_action_form(api: ApiBuilder) -> None:
    s3 = aws("s3")
    s3.create_bucket(Bucket="apigw-site")
    s3.put_object(Bucket="apigw-site", Key="index.html", Body=b"<h1>hi</h1>", ContentType="text/html")
    api.method("/host", "GET", service(f"arn:aws:apigateway:{REGION}:apigw-site.s3:path/index.html", verb="GET"), ok())
    by_action = action("s3", "GetObject&Bucket=apigw-site&Key=index.html")
    api.method("/action", "GET", service(by_action, verb="GET"), ok())
    api.deploy()

    for path in ("/host", "/action"):
        answer = requests.get(api.url(path))
        assert (answer.status_code, answer.text, answer.headers["Content-Type"]) == (200, "<h1>hi</h1>", "text/html")


def test_s3_binary_objects_round_trip_as_bytes(moto: None, client: Any) -> None:
    api = ApiBuilder(client, binaryMediaTypes=["image/png"])
    s3 = aws("s3")
    s3.create_bucket(Bucket="apigw-images")
    picture = bytes(range(256))
    uri = f"arn:aws:apigateway:{REGION}:s3:path/apigw-images/cat.png"
    api.method("/cat", "PUT", service(uri, verb="PUT"), ok())
    api.method("/cat", "GET", service(uri, verb="GET"), ok())
    api.deploy()

    assert requests.put(api.url("/cat"), data=picture, headers={"Content-Type": "image/png"}).status_code == 200
    assert s3.get_object(Bucket="apigw-images", Key="cat.png")["Body"].read() == picture
    got = requests.get(api.url("/cat"), headers={"Accept": "image/png"})
    assert (got.content, got.headers["Content-Type"]) == (picture, "image/png")


# ---- SQS: the query protocol by path, botocore's JSON protocol by action -------------------------------------

FORM_HEADER = {"integration.request.header.Content-Type": "'application/x-www-form-urlencoded'"}
SEND_FORM = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"


def test_sqs_send_message_by_path_with_a_form_template_answers_json(api: ApiBuilder) -> None:
    sqs = aws("sqs")
    queue = sqs.create_queue(QueueName="orders")["QueueUrl"]
    uri = f"arn:aws:apigateway:{REGION}:sqs:path/{ACCOUNT}/orders"
    answer_id = '{"id": "$input.path(\'$.SendMessageResponse.SendMessageResult.MessageId\')"}'
    api.method("/orders", "POST", service(uri, SEND_FORM, requestParameters=FORM_HEADER), ok(answer_id))
    api.deploy()

    sent = requests.post(api.url("/orders"), json={"order": 7})
    assert sent.status_code == 200
    [message] = sqs.receive_message(QueueUrl=queue)["Messages"]
    assert json.loads(message["Body"]) == {"order": 7}
    assert sent.json() == {"id": message["MessageId"]}


def test_sqs_answers_xml_when_accept_is_mapped_to_xml(api: ApiBuilder) -> None:
    aws("sqs").create_queue(QueueName="orders")
    parameters = {**FORM_HEADER, "integration.request.header.Accept": "'application/xml'"}
    uri = f"arn:aws:apigateway:{REGION}:sqs:path/{ACCOUNT}/orders"
    api.method("/orders", "POST", service(uri, SEND_FORM, requestParameters=parameters), ok())
    api.deploy()

    answer = requests.post(api.url("/orders"), json={"order": 8})
    assert answer.text.startswith("<SendMessageResponse") and "<MessageId>" in answer.text


def test_sqs_send_message_by_action_with_a_json_template(api: ApiBuilder) -> None:
    sqs = aws("sqs")
    queue = sqs.create_queue(QueueName="events")["QueueUrl"]
    template = f'{{"QueueUrl": "{queue}", "MessageBody": "$util.escapeJavaScript($input.body)"}}'
    api.method("/events", "POST", service(action("sqs", "SendMessage"), template), ok())
    api.deploy()

    sent = requests.post(api.url("/events"), json={"kind": "click"})
    [message] = sqs.receive_message(QueueUrl=queue)["Messages"]
    assert json.loads(message["Body"]) == {"kind": "click"}
    assert sent.json()["MessageId"] == message["MessageId"]  # botocore's JSON protocol: the output shape itself


# ---- SNS, Step Functions, Kinesis, EventBridge ----------------------------------------------------------------


def test_sns_publish_by_action_with_querystring_mappings(api: ApiBuilder) -> None:
    sqs, sns = aws("sqs"), aws("sns")
    queue = sqs.create_queue(QueueName="inbox")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    topic = sns.create_topic(Name="alerts")["TopicArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn, Attributes={"RawMessageDelivery": "true"})
    mapped = {
        "integration.request.querystring.TopicArn": f"'{topic}'",
        "integration.request.querystring.Message": "method.request.body",
    }
    answer_id = '{"id": "$input.path(\'$.PublishResponse.PublishResult.MessageId\')"}'
    api.method("/alerts", "POST", service(action("sns", "Publish"), requestParameters=mapped), ok(answer_id))
    api.deploy()

    published = requests.post(api.url("/alerts"), json={"level": "high"})
    [message] = sqs.receive_message(QueueUrl=queue)["Messages"]
    assert json.loads(message["Body"]) == {"level": "high"}
    assert published.json()["id"]


def test_the_action_uris_own_parameters_are_sent_too(api: ApiBuilder) -> None:
    sqs, sns = aws("sqs"), aws("sns")
    queue = sqs.create_queue(QueueName="inbox")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    topic = sns.create_topic(Name="alerts")["TopicArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn, Attributes={"RawMessageDelivery": "true"})
    uri = action("sns", f"Publish&TopicArn={quote(topic, safe='')}&Message=fixed%20text")
    api.method("/alerts", "POST", service(uri), ok())
    api.deploy()

    assert requests.post(api.url("/alerts")).json()["PublishResponse"]["PublishResult"]["MessageId"]
    [message] = sqs.receive_message(QueueUrl=queue)["Messages"]
    assert message["Body"] == "fixed text"


def test_step_functions_start_execution(api: ApiBuilder) -> None:
    stepfunctions = aws("stepfunctions")
    machine = stepfunctions.create_state_machine(
        name="checkout",
        definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": True}}}),
        roleArn=ROLE,
    )["stateMachineArn"]
    template = f'{{"stateMachineArn": "{machine}", "input": "$util.escapeJavaScript($input.json(\'$\'))"}}'
    api.method("/checkout", "POST", service(action("states", "StartExecution"), template), ok())
    api.deploy()

    started = requests.post(api.url("/checkout"), json={"cart": [1, 2]})
    assert started.status_code == 200
    execution = started.json()["executionArn"]
    assert json.loads(stepfunctions.describe_execution(executionArn=execution)["input"]) == {"cart": [1, 2]}


def test_kinesis_put_record(api: ApiBuilder) -> None:
    kinesis = aws("kinesis")
    kinesis.create_stream(StreamName="clicks", ShardCount=1)
    template = (
        '{"StreamName": "clicks", "Data": "$util.base64Encode($input.json(\'$\'))", '
        '"PartitionKey": "$input.path(\'$.user\')"}'
    )
    api.method("/clicks", "POST", service(action("kinesis", "PutRecord"), template), ok())
    api.deploy()

    put = requests.post(api.url("/clicks"), json={"user": "ada", "page": "/"})
    shard = put.json()["ShardId"]
    iterator = kinesis.get_shard_iterator(StreamName="clicks", ShardId=shard, ShardIteratorType="TRIM_HORIZON")
    [record] = kinesis.get_records(ShardIterator=iterator["ShardIterator"])["Records"]
    assert (json.loads(record["Data"]), record["PartitionKey"]) == ({"user": "ada", "page": "/"}, "ada")


def test_eventbridge_put_events(api: ApiBuilder) -> None:
    events, sqs = aws("events"), aws("sqs")
    queue = sqs.create_queue(QueueName="shop-events")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    events.put_rule(Name="orders", EventPattern=json.dumps({"source": ["shop"]}))
    events.put_targets(Rule="orders", Targets=[{"Id": "queue", "Arn": queue_arn}])
    template = (
        '{"Entries": [{"Source": "shop", "DetailType": "order placed", '
        '"Detail": "$util.escapeJavaScript($input.json(\'$\'))"}]}'
    )
    api.method("/orders", "POST", service(action("events", "PutEvents"), template), ok())
    api.deploy()

    put = requests.post(api.url("/orders"), json={"order": 9})
    assert put.json()["FailedEntryCount"] == 0
    [message] = sqs.receive_message(QueueUrl=queue)["Messages"]
    event = json.loads(message["Body"])
    assert (event["source"], event["detail"]) == ("shop", {"order": 9})


# ---- nothing answering ------------------------------------------------------------------------------------------


def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"a network connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_without_moto_the_call_fails_as_a_configuration_error_and_never_reaches_the_network(
    mock: MockApiGateway, client: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    api = ApiBuilder(client)
    resource = api.method("/pets", "POST", service(action("dynamodb", "PutItem"), PUT_PET), ok())
    api.deploy()
    _no_network(monkeypatch)

    with caplog.at_level(logging.WARNING, logger="apigw_mock.invoke"):
        answer = mock.invoke(api.id, "dev", "POST", "/pets", body='{"kind": "dog", "id": "1"}')
    assert (answer.status, answer.text) == (500, '{"message":"Internal server error"}')
    assert answer.headers["x-amzn-ErrorType"] == "InternalServerErrorException"
    assert "start moto's mock_aws()" in caplog.text

    log = client.test_invoke_method(restApiId=api.id, resourceId=resource, httpMethod="POST", body="{}")["log"]
    assert (
        "Execution failed due to configuration error: Unable to reach dynamodb at "
        f"https://dynamodb.{REGION}.amazonaws.com/: no AWS mock (moto's mock_aws) answered in this process"
    ) in log
    assert "Method completed with status: 500" in log


def test_after_moto_stops_the_same_api_fails_again(mock: MockApiGateway, client: Any) -> None:
    api = ApiBuilder(client)
    api.method(
        "/pets",
        "POST",
        service(action("dynamodb", "PutItem"), PUT_PET),
        {**ok(), "400": {"selectionPattern": "4\\d{2}"}},
    )
    api.deploy()
    body = '{"kind": "dog", "id": "1", "name": "Rex"}'
    with mock_aws():
        assert mock.invoke(api.id, "dev", "POST", "/pets", body=body).status == 400  # moto answers: no such table
    assert mock.invoke(api.id, "dev", "POST", "/pets", body=body).status == 500


def test_an_unknown_service_fails_the_same_way(api: ApiBuilder, mock: MockApiGateway) -> None:
    api.method("/x", "POST", service(action("no-such-service", "Do")), ok())
    api.deploy()
    assert mock.invoke(api.id, "dev", "POST", "/x").status == 500


# ---- which service a URI names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "resolved"),
    [
        ("dynamodb", ("dynamodb", "")),
        ("states", ("stepfunctions", "")),  # endpoint prefixes, as API Gateway URIs name services
        ("email", ("ses", "")),
        ("runtime.sagemaker", ("sagemaker-runtime", "")),
        ("my.bucket.s3", ("s3", "my.bucket")),
        ("no-such-service", (None, "")),
    ],
)
def test_the_uri_names_a_service_by_endpoint_prefix(written: str, resolved: tuple[str | None, str]) -> None:
    assert aws_services.resolve(written) == resolved


# ---- server mode ----------------------------------------------------------------------------------------------


def test_server_mode_over_loopback_http() -> None:
    with mock_aws(), running_server() as url:
        dynamodb = pets_table()
        client = boto3.client(
            "apigateway", endpoint_url=url, region_name=REGION, aws_access_key_id="AKIDFAKE", aws_secret_access_key="x"
        )
        api = ApiBuilder(client)
        api.method("/pets", "POST", service(action("dynamodb", "PutItem"), PUT_PET), ok('{"stored": true}'))
        api.deploy()

        answer = requests.post(
            f"{url}/restapis/{api.id}/dev/_user_request_/pets", json={"kind": "dog", "id": "5", "name": "Ace"}
        )
        assert (answer.status_code, answer.json()) == (200, {"stored": True})
        assert dynamodb.scan(TableName="pets")["Items"][0]["name"] == {"S": "Ace"}


def test_in_process_mock_and_moto_in_either_order() -> None:
    for first, second in ((mock_aws, mock_apigateway), (mock_apigateway, mock_aws)):
        with first(), second():
            dynamodb = pets_table()
            api = ApiBuilder(boto3.client("apigateway", region_name=REGION))
            api.method("/pets", "POST", service(action("dynamodb", "PutItem"), PUT_PET), ok('{"stored": true}'))
            api.deploy()
            assert requests.post(api.url("/pets"), json={"kind": "dog", "id": "1", "name": "Rex"}).status_code == 200
            assert dynamodb.scan(TableName="pets")["Count"] == 1


def test_without_moto_installed_the_failure_is_the_same() -> None:
    script = f"""
import sys
sys.modules["moto"] = None  # `import moto` now fails: as if it were not installed
import boto3
from apigw_mock import mock_apigateway
from tests.invoke.builder import ApiBuilder
with mock_apigateway() as apigw:
    api = ApiBuilder(boto3.client("apigateway", region_name="{REGION}"))
    api.method("/pets", "POST", {service(action("dynamodb", "PutItem"))!r}, {{"200": {{}}}})
    api.deploy()
    answer = apigw.invoke(api.id, "dev", "POST", "/pets")
    print(answer.status, answer.text, "moto" in sys.modules and sys.modules["moto"] is not None)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == '500 {"message":"Internal server error"} False'
